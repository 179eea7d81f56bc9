package com.engagementledger.engagement.audit;

import com.engagementledger.audit.HistoryEntry;
import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.EventVersions;
import com.engagementledger.engagement.decision.DecisionViewFold;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.support.security.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * A decision's life, event by event: who proposed, accepted, approved, superseded or reversed it, for which side,
 * when it was recorded ({@code at}) and when it happened ({@code effectiveAt}: the payload's, or for an event stored
 * before it carried one, the time it was recorded, as the contract lifts it), and why. "by" is the person named in
 * the fact; "actor" is whose token recorded it (they differ only when
 * one command records a consequence, e.g. the acceptance of a successor superseding its predecessor).
 */
@RestController
class DecisionHistoryController {
    private final ViewStore views;
    private final StoredEvents events;
    private final AuditReads reads;

    DecisionHistoryController(ViewStore views, StoredEvents events, AuditReads reads) {
        this.views = views;
        this.events = events;
        this.reads = reads;
    }

    /** One step of a decision's history (a schema name of its own: DecisionView has a Step too). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DecisionHistoryStep")
    record Step(long position, String type, String step, String at, String effectiveAt, String by, String bySide,
                String actor,
                String actorName, String side, String correlationId, String reason, String supersedes,
                String supersededBy, Boolean inEffect, JsonNode payload) {
    }

    @Operation(summary = "One decision's history: every step, who took it and for which side")
    @GetMapping("/engagements/{engagementId}/decisions/{decisionId}/history")
    List<Step> decisionHistory(Caller caller, @PathVariable String engagementId, @PathVariable String decisionId,
                               HttpServletRequest http) {
        views.requireIn(DecisionViewFold.KIND, decisionId, engagementId);
        reads.record(caller, engagementId, http);
        HistoryFilter filter = HistoryFilter.of(null, "decision", null, null, null, null, null, null)
                .ofAggregate(decisionId);
        return events.page(engagementId, filter, Integer.MAX_VALUE).stream().map(DecisionHistoryController::step)
                .toList();
    }

    private static Step step(HistoryEntry e) {
        JsonNode p = e.payload() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : e.payload();
        // ledger.decision.accepted.v1 -> accepted
        String[] parts = e.type().split("\\.");
        String step = parts.length > 2 ? parts[2] : e.type();
        String byField = switch (step) {
            case "proposed" -> "proposedBy";
            case "accepted" -> "acceptedBy";
            case "approved" -> "approvedBy";
            case "reversed" -> "reversedBy";
            default -> "recordedBy";
        };
        return new Step(e.position(), e.type(), step, e.recordedAt(), effectiveAt(e), p.path(byField).asText(null),
                p.path(byField + "Side").asText(null), e.actor(), e.actorName(), e.side(), e.correlationId(),
                p.path("reason").asText(null), p.path("supersedes").asText(null), p.path("supersededBy").asText(null),
                p.has("inEffect") ? p.get("inEffect").asBoolean() : null, e.payload());
    }

    /** The step's business time: its payload lifted to the current version of its type (null if it cannot be). */
    private static String effectiveAt(HistoryEntry e) {
        if (!(e.payload() instanceof ObjectNode payload) || e.recordedAt() == null) {
            return null;
        }
        return EventCatalog.byName(e.type())
                .map(type -> EventVersions.lift(type, payload, Instant.parse(e.recordedAt())).data())
                .map(lifted -> lifted.path("effectiveAt").asText(null))
                .orElse(null);
    }
}
