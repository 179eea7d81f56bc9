package com.engagementledger.scorecard.rebuild;

import com.engagementledger.scorecard.generations.Generations;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** ADMIN: rebuild every read model from the beginning of the topic, then switch. */
@RestController
class RebuildController {
    // trailing content after the document is not "understood" either
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final RebuildService rebuilds;

    RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Start a rebuild into a new generation; 202 with the generation to follow. "
            + "It takes no options: no body or {}; any other body is 400")
    @PostMapping("/admin/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Started> rebuild(@RequestBody(required = false) String body) {
        requireNoOptions(body);
        int generation = rebuilds.start().orElseThrow(() -> ApiProblem.of(HttpStatus.CONFLICT,
                "rebuild.already-running", null, "a rebuild is already running"));
        return ResponseEntity.accepted().location(URI.create("/admin/rebuilds/" + generation))
                .body(new Started(generation, "BUILDING"));
    }

    @Operation(summary = "A rebuild's state: BUILDING, ACTIVE, RETIRED or FAILED, and the events read so far")
    @GetMapping("/admin/rebuilds/{generation}")
    Generations.Status status(@PathVariable int generation) {
        return rebuilds.status(generation).orElseThrow(() -> ApiProblem.notFound("rebuild", generation));
    }

    /**
     * A body the rebuild ignored would let a caller believe an option (a starting offset, one engagement) was
     * applied when it was not, so anything but nothing or an empty object is refused before a rebuild starts.
     */
    private static void requireNoOptions(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonNode options;
        try {
            options = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.of(ProblemCatalog.REQUEST_BODY_MALFORMED, "the body is not one JSON document");
        }
        if (!options.isObject() || !options.isEmpty()) {
            throw ApiProblem.of(ProblemCatalog.REQUEST_INVALID, "a rebuild takes no options: send no body or {}");
        }
    }

    /** The answer to a started rebuild. */
    record Started(int generation, String state) {
    }
}
