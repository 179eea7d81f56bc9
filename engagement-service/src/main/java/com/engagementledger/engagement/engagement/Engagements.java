package com.engagementledger.engagement.engagement;

import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Reads an engagement's current view for the web layer; an unknown engagement is 404. */
@Component
public class Engagements {
    private final ViewStore views;

    Engagements(ViewStore views) {
        this.views = views;
    }

    public ViewStore.Stored<EngagementView> find(String engagementId) {
        return views.find(EngagementViewFold.KIND, engagementId, EngagementView.class)
                .orElseThrow(() -> ApiProblem.notFound("engagement", engagementId));
    }

    /** The engagement's first moment, which no fact of it may precede (404 for an unknown engagement). */
    public Instant startsAt(String engagementId) {
        EngagementView engagement = find(engagementId).state();
        return BusinessTime.startOf(engagement.startDate, engagement.clientTimeZone);
    }

    /**
     * A reference in a request body to one of the engagement's workstreams: a workstream of another engagement, or
     * none, is 404 naming the field, as for any reference to something the caller cannot see.
     */
    public void requireWorkstream(String engagementId, String field, String workstreamId) {
        boolean known = find(engagementId).state().workstreams.stream()
                .anyMatch(workstream -> workstream.workstreamId().equals(workstreamId));
        if (!known) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, ProblemCatalog.RESOURCE_NOT_FOUND.rule(), field,
                    "workstream " + Problems.quote(workstreamId) + " not found in engagement " + engagementId);
        }
    }
}
