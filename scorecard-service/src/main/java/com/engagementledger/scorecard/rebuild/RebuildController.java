package com.engagementledger.scorecard.rebuild;

import com.engagementledger.support.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** ADMIN: rebuild every read model from the beginning of the topic, then switch. */
@RestController
class RebuildController {
    private final RebuildService rebuilds;

    RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Start a rebuild into a new generation; 202 with the generation to follow")
    @PostMapping("/admin/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        int generation = rebuilds.start().orElseThrow(() -> ApiProblem.of(HttpStatus.CONFLICT,
                "rebuild.already-running", null, "a rebuild is already running"));
        return ResponseEntity.accepted().location(URI.create("/admin/rebuilds/" + generation))
                .body(Map.of("generation", generation, "state", "BUILDING"));
    }

    @Operation(summary = "A rebuild's state: BUILDING, ACTIVE, RETIRED or FAILED, and the events read so far")
    @GetMapping("/admin/rebuilds/{generation}")
    Map<String, Object> status(@PathVariable int generation) {
        return rebuilds.status(generation).orElseThrow(() -> ApiProblem.notFound("rebuild", generation));
    }
}
