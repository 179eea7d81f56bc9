package com.engagementledger.scorecard.evidence;

import com.engagementledger.scorecard.portfolio.ScorecardQueries;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every number can be explained: the events behind a measure's current value. */
@RestController
class EvidenceController {
    private final ScorecardQueries queries;

    EvidenceController(ScorecardQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "The events (ids, types, times, actors) that produced a measure's current value")
    @GetMapping("/scorecards/{engagementId}/measures/{measure}/evidence")
    ScorecardQueries.Evidence evidence(@PathVariable String engagementId,
                                       @PathVariable String measure) {
        return queries.evidence(engagementId, measure);
    }
}
