package com.engagementledger.engagement.engagement;

import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.support.problem.ApiProblem;
import org.springframework.stereotype.Component;

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
}
