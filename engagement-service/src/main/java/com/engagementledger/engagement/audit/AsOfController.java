package com.engagementledger.engagement.audit;

import com.engagementledger.contract.DecisionEvents;
import com.engagementledger.contract.EngagementEvents;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.IncidentEvents;
import com.engagementledger.contract.OnboardingEvents;
import com.engagementledger.engagement.decision.DecisionView;
import com.engagementledger.engagement.decision.DecisionViewFold;
import com.engagementledger.engagement.engagement.EngagementView;
import com.engagementledger.engagement.engagement.EngagementViewFold;
import com.engagementledger.engagement.incident.IncidentView;
import com.engagementledger.engagement.incident.IncidentViewFold;
import com.engagementledger.engagement.onboarding.EngineerView;
import com.engagementledger.engagement.onboarding.EngineerViewFold;
import com.engagementledger.engagement.web.Paging;
import com.engagementledger.support.openapi.NullableValues;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.web.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The same GETs as the current views, with {@code asOf=<instant>}: Spring routes a request carrying asOf here
 * (a mapping with a params condition wins over one without), so the feature controllers stay untouched. The
 * answers have the shape of the current ones, rebuilt by {@link AsOfReplay}.
 */
@RestController
@RequestMapping(path = "/engagements/{engagementId}", params = "asOf")
// documented as the asOf parameter of the operations it answers (web.AsOfParameter): one operation per path and method
@Hidden
class AsOfController {
    private final AsOfReplay replay;
    private final AuditReads reads;
    private final ObjectMapper json;
    private final int maxPageSize;

    AsOfController(AsOfReplay replay, AuditReads reads, ObjectMapper json,
                   @Value("${ledger.api.max-page-size:200}") int maxPageSize) {
        this.replay = replay;
        this.reads = reads;
        this.json = json;
        this.maxPageSize = maxPageSize;
    }

    @GetMapping
    EngagementView engagement(@PathVariable String engagementId, @RequestParam String asOf, HttpServletRequest http) {
        return engagementAt(state(engagementId, asOf, http, EngagementEvents.class), engagementId);
    }

    @NullableValues
    @GetMapping("/ownership")
    Map<OwnershipArea, EngagementView.Owner> ownership(@PathVariable String engagementId, @RequestParam String asOf,
                                                       HttpServletRequest http) {
        return engagementAt(state(engagementId, asOf, http, EngagementEvents.class), engagementId).ownership;
    }

    @GetMapping("/decisions")
    Page<DecisionView> decisions(@PathVariable String engagementId, @RequestParam String asOf,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String decidedBy,
                                        @RequestParam(required = false) String category,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size, HttpServletRequest http) {
        AsOfReplay.State state = state(engagementId, asOf, http, EngagementEvents.class, DecisionEvents.class);
        Predicate<DecisionView> decided = d -> decidedBy == null || by(d.proposed, decidedBy)
                || by(d.accepted, decidedBy) || by(d.approved, decidedBy);
        Predicate<DecisionView> inCategory = d -> category == null
                || (d.category != null && d.category.name().equals(category));
        return page(state.all(DecisionViewFold.KIND, DecisionView.class).stream()
                .filter(decided).filter(inCategory).filter(hasStatus(status)).toList(), page, size);
    }

    @GetMapping("/engineers")
    Page<EngineerView> engineers(@PathVariable String engagementId, @RequestParam String asOf,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size, HttpServletRequest http) {
        AsOfReplay.State state = state(engagementId, asOf, http, EngagementEvents.class, OnboardingEvents.class);
        return page(state.all(EngineerViewFold.KIND, EngineerView.class).stream().filter(hasStatus(status)).toList(),
                page, size);
    }

    @GetMapping("/incidents")
    Page<IncidentView> incidents(@PathVariable String engagementId, @RequestParam String asOf,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size, HttpServletRequest http) {
        AsOfReplay.State state = state(engagementId, asOf, http, EngagementEvents.class, IncidentEvents.class);
        return page(state.all(IncidentViewFold.KIND, IncidentView.class).stream().filter(hasStatus(status)).toList(),
                page, size);
    }

    /** The engagement's own events are always replayed: they say whether it existed at that instant. */
    private AsOfReplay.State state(String engagementId, String asOf, HttpServletRequest http, Class<?>... families) {
        Caller caller = Caller.current();
        Instant at = HistoryFilter.instant("asOf", asOf);
        if (at == null || asOf.isBlank()) {
            throw ApiProblem.invalidParameter("asOf", FieldRule.FORMAT, "asOf must be an ISO-8601 instant");
        }
        AsOfReplay.State state = replay.replay(engagementId, at, families);
        // an engagement that did not exist yet is not found, exactly like one that never existed
        engagementAt(state, engagementId);
        reads.record(caller, engagementId, http);
        return state;
    }

    private static EngagementView engagementAt(AsOfReplay.State state, String engagementId) {
        EngagementView view = state.get(EngagementViewFold.KIND, engagementId, EngagementView.class);
        if (view == null) {
            throw ApiProblem.notFound("engagement", engagementId);
        }
        return view;
    }

    /** Same comparison as the current lists' SQL filter (state->>'status'), so both answer alike. */
    private <V> Predicate<V> hasStatus(String status) {
        return v -> status == null || status.equals(json.valueToTree(v).path("status").asText(null));
    }

    private static boolean by(DecisionView.Step step, String actor) {
        return step != null && actor.equals(step.by());
    }

    private <V> Page<V> page(List<V> all, Integer page, Integer size) {
        int pageSize = Paging.size(size, maxPageSize);
        int pageNumber = Paging.page(page);
        int from = (int) Math.min((long) pageNumber * pageSize, all.size());
        return Page.of(all.subList(from, Math.min(from + pageSize, all.size())), pageNumber, pageSize,
                all.size());
    }
}
