package com.engagementledger.scorecard.portfolio;

import com.engagementledger.scorecard.generations.Generations;
import com.engagementledger.scorecard.measures.EngagementFacts.Engagement;
import com.engagementledger.scorecard.measures.EngagementFacts;
import com.engagementledger.scorecard.measures.EngagementId;
import com.engagementledger.scorecard.measures.Scorecard;
import com.engagementledger.scorecard.measures.Scorecards;
import com.engagementledger.scorecard.measures.Thresholds;
import com.engagementledger.support.openapi.NullableValues;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads scorecards from the active generation; the portfolio holds what the caller's token may see (an engagement
 * in a path is checked before the controller runs). Each call reads the
 * generation and its facts in one read-only transaction, so a rebuild's switch never splits a response.
 */
@Service
@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
public class ScorecardQueries {
    private final Generations generations;
    private final FactsRepository facts;
    private final Thresholds thresholds;
    private final Clock clock;

    ScorecardQueries(Generations generations, FactsRepository facts, Thresholds thresholds, Clock clock) {
        this.generations = generations;
        this.facts = facts;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    List<Scorecard> visibleScorecards(Caller caller) {
        int g = generations.active();
        List<Engagement> engagements = facts.engagements(g, caller.seesAll() ? null
                : caller.engagements().stream().map(EngagementId::new).toList());
        LocalDate today = today();
        return facts.facts(g, engagements).values().stream()
                .map(f -> Scorecards.scorecard(f, today, thresholds)).toList();
    }

    Scorecard scorecard(String engagementId) {
        return Scorecards.scorecard(facts(engagementId, generations.active()), today(), thresholds);
    }

    List<Scorecard.Week> weekly(String engagementId, LocalDate from, LocalDate to) {
        return Scorecards.weekly(facts(engagementId, generations.active()), today(), from, to);
    }

    public Evidence evidence(String engagementId, String measure) {
        int g = generations.active();
        EngagementFacts f = facts(engagementId, g);
        Scorecard.MeasureValues m = Scorecards.scorecard(f, today(), thresholds).measures().get(measure);
        if (m == null) {
            throw ApiProblem.of(ProblemCatalog.RESOURCE_NOT_FOUND, "no measure " + measure + "; measures are "
                    + Scorecards.names());
        }
        return new Evidence(engagementId, measure, m.definition(), m.current(),
                facts.evidence(g, f.engagement().id(), m.evidence()));
    }

    /** The engagement's facts (the engagement id turns typed here, past the API's edge). */
    private EngagementFacts facts(String engagementId, int g) {
        return facts.facts(g, new EngagementId(engagementId))
                .orElseThrow(() -> ApiProblem.notFound("engagement", engagementId));
    }

    /** The events that produced a measure's current value. */
    public record Evidence(String engagementId, String measure, String definition,
                           @NullableValues Map<String, Number> current, List<EvidenceRow> events) {
    }

    /** One event behind a number. */
    public record EvidenceRow(String eventId, String type, Instant recordedAt, String actor, String actorSide) {
    }
}
