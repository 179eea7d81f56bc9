package com.engagementledger.support.testapp;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Endpoints shaped like the services' ones. Note what is absent: no engagement check, no error mapping. */
@RestController
class ThingsController {
    private final JdbcClient jdbc;

    ThingsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Thing(@NotBlank @Size(max = 5) String code, @NotNull Side side) {
    }

    /** Every kind of scalar a service's request takes, to show what the strict JSON reader refuses. */
    record Sample(@Nullable String title, Integer rating, int count, Double score, Boolean flag, Instant at,
                  LocalDate on, Side side, List<String> tags, Map<String, String> labels, @Nullable Sample child) {
    }

    @PostMapping("/samples")
    ResponseEntity<Sample> sample(@RequestBody Sample sample) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sample);
    }

    @GetMapping("/engagements/{engagementId}")
    Map<String, Object> engagement(@PathVariable String engagementId, Caller caller) {
        return Map.of("engagementId", engagementId, "subject", caller.subject(), "displayName", caller.displayName(),
                "side", String.valueOf(caller.side()));
    }

    @GetMapping("/engagements/{engagementId}/things/{thingId}")
    Map<String, Object> thing(@PathVariable String engagementId, @PathVariable String thingId) {
        return Map.of("engagementId", engagementId, "thingId", thingId);
    }

    @PostMapping("/things")
    ResponseEntity<Thing> create(@Valid @RequestBody Thing thing) {
        return ResponseEntity.status(HttpStatus.CREATED).body(thing);
    }

    @GetMapping("/things")
    Map<String, Object> list(@RequestParam(defaultValue = "10") int size, @RequestParam(required = false) Side side) {
        return Map.of("size", size);
    }

    /** An id found through another resource: the caller's token must cover the engagement it belongs to. */
    @GetMapping("/alerts/{alertId}")
    Map<String, Object> alert(@PathVariable String alertId, @RequestParam String engagementId, Caller caller) {
        caller.requireEngagement(engagementId, "alert", alertId);
        return Map.of("alertId", alertId);
    }

    @PostMapping("/things/{code}/archive")
    void archive(@PathVariable String code) {
        throw ApiProblem.of(HttpStatus.CONFLICT, "thing.already-archived", null, "thing " + code + " is archived");
    }

    @GetMapping("/database")
    long database() {
        return jdbc.sql("select 1").query(Long.class).single();
    }

    @GetMapping("/boom")
    void boom() {
        throw new IllegalStateException("internal detail that must not leak");
    }

    @GetMapping("/public/hello")
    String hello() {
        return "hello";
    }
}
