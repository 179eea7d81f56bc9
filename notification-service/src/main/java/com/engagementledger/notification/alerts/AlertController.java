package com.engagementledger.notification.alerts;

import com.engagementledger.support.openapi.AlsoAnswers;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** Read, acknowledge and resolve governance alerts, only within the token's engagements. */
@RestController
@RequestMapping("/alerts")
class AlertController {
    static final int MAX_PAGE_SIZE = 200;

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "List the alerts of the token's engagements")
    @GetMapping
    @AlsoAnswers({404, 422})
    Page<AlertView> list(Caller caller, @RequestParam(required = false) String engagementId,
                     @RequestParam(required = false) String rule,
                     @RequestParam(required = false) AlertState state,
                     @RequestParam(required = false) AlertSeverity severity,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        if (engagementId != null) {
            caller.requireEngagement(engagementId, "engagement", engagementId);
        }
        if (page < 0) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "alerts.page.negative", "page",
                    "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "alerts.page.size-out-of-range", "size",
                    "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return alerts.list(new Alerts.Filter(caller.seesAll() ? null : caller.engagements(), engagementId, rule, state,
                severity, from, to), page, size);
    }

    @Operation(summary = "Read one alert with its history")
    @GetMapping("/{id}")
    AlertView get(Caller caller, @PathVariable UUID id) {
        return visible(caller, id, alerts.findWithHistory(id).orElse(null));
    }

    @Operation(summary = "Acknowledge an alert")
    @PostMapping("/{id}/acknowledge")
    AlertView acknowledge(Caller caller, @PathVariable UUID id) {
        visible(caller, id, alerts.find(id).orElse(null));
        return alerts.acknowledge(id, actor(caller));
    }

    record ResolveRequest(@NotBlank @Size(max = 2000) String note) {
    }

    @Operation(summary = "Resolve an alert, with a note")
    @PostMapping("/{id}/resolve")
    AlertView resolve(Caller caller, @PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        visible(caller, id, alerts.find(id).orElse(null));
        return alerts.resolve(id, actor(caller), request.note());
    }

    /** An alert of an engagement outside the token is not found, like one that does not exist. */
    private static AlertView visible(Caller caller, UUID id, AlertView alert) {
        caller.requireEngagement(alert == null ? null : alert.engagementId(), "alert", id);
        return alert;
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.side() == null ? null : caller.side().name());
    }
}
