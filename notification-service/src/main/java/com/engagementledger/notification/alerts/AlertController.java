package com.engagementledger.notification.alerts;

import com.engagementledger.notification.security.Caller;
import com.engagementledger.notification.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
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

    @GetMapping
    Alerts.Page list(@RequestParam(required = false) String engagementId,
                     @RequestParam(required = false) String rule,
                     @RequestParam(required = false) AlertState state,
                     @RequestParam(required = false) AlertSeverity severity,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        Caller caller = Caller.current();
        if (engagementId != null) {
            caller.requireVisible("engagement", engagementId, engagementId);
        }
        if (page < 0) {
            throw ApiProblem.unprocessable("alerts.page.negative", "page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.unprocessable("alerts.page.size-out-of-range", "size",
                    "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return alerts.list(new Alerts.Filter(caller.visibleOrNull(), engagementId, rule, state, severity, from, to),
                page, size);
    }

    @GetMapping("/{id}")
    AlertView get(@PathVariable UUID id) {
        return visible(id, alerts.findWithHistory(id).orElse(null));
    }

    @PostMapping("/{id}/acknowledge")
    AlertView acknowledge(@PathVariable UUID id) {
        visible(id, alerts.find(id).orElse(null));
        return alerts.acknowledge(id, Caller.current().actor());
    }

    record ResolveRequest(@NotBlank @Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/resolve")
    AlertView resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        visible(id, alerts.find(id).orElse(null));
        return alerts.resolve(id, Caller.current().actor(), request.note());
    }

    private static AlertView visible(UUID id, AlertView alert) {
        Caller.current().requireVisible("alert", alert == null ? null : alert.engagementId(), id);
        return alert;
    }
}
