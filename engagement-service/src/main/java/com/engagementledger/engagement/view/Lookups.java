package com.engagementledger.engagement.view;

import com.engagementledger.contract.Enums.EngagementStatus;
import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.engagement.engagement.EngagementView;
import com.engagementledger.engagement.engagement.EngagementViewFold;
import com.engagementledger.support.problem.ApiProblem;
import org.springframework.stereotype.Component;

/** Finds resources for the web layer; anything missing, or belonging to another engagement, is 404. */
@Component
public class Lookups {
    private final ViewStore views;

    public Lookups(ViewStore views) {
        this.views = views;
    }

    public ViewStore.Stored<EngagementView> engagement(String engagementId) {
        return views.find(EngagementViewFold.KIND, engagementId, EngagementView.class)
                .orElseThrow(() -> ApiProblem.notFound("engagement", engagementId));
    }

    /** The engagement, which must not be closed: a closed engagement records nothing new. */
    public EngagementView openEngagement(String engagementId) {
        EngagementView engagement = engagement(engagementId).state();
        RuleViolation.require(engagement.status != EngagementStatus.CLOSED, "engagement.closed",
                "the engagement is closed: nothing new is recorded on it");
        return engagement;
    }

    /** A resource of the engagement in the path; one of another engagement is not found here. */
    public <V> ViewStore.Stored<V> child(String kind, String id, String engagementId, Class<V> type) {
        return views.find(kind, id, type)
                .filter(stored -> stored.engagementId().equals(engagementId))
                .orElseThrow(() -> ApiProblem.notFound(kind, id));
    }
}
