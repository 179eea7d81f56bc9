package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.IncidentStatus;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentEscalated;
import com.engagementledger.contract.IncidentEvents.IncidentMitigated;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.contract.IncidentEvents.PostmortemPublished;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Folds the incident family's events into {@link IncidentView}. */
@Component
public class IncidentViewFold implements ViewFold<IncidentView> {
    public static final String KIND = "incident";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<IncidentView> type() {
        return IncidentView.class;
    }

    @Override
    public Optional<String> idOf(LedgerEvent event) {
        if (event instanceof IncidentOpened e) {
            return Optional.of(e.incidentId());
        } else if (event instanceof IncidentAcknowledged e) {
            return Optional.of(e.incidentId());
        } else if (event instanceof IncidentEscalated e) {
            return Optional.of(e.incidentId());
        } else if (event instanceof IncidentMitigated e) {
            return Optional.of(e.incidentId());
        } else if (event instanceof IncidentResolved e) {
            return Optional.of(e.incidentId());
        } else if (event instanceof PostmortemPublished e) {
            return Optional.of(e.incidentId());
        }
        return Optional.empty();
    }

    @Override
    public IncidentView apply(IncidentView view, LedgerEvent event, EventContext context) {
        if (event instanceof IncidentOpened e) {
            view = new IncidentView();
            view.incidentId = e.incidentId();
            view.engagementId = e.engagementId();
            view.severity = e.severity();
            view.service = e.service();
            view.title = e.title();
            view.detectedAt = e.detectedAt();
            view.runbookUrl = e.runbookUrl();
            view.startedOutsideOverlap = e.startedOutsideOverlap();
            view.acknowledgeTargetMinutes = e.acknowledgeTargetMinutes();
            view.status = IncidentStatus.OPEN;
        } else if (event instanceof IncidentAcknowledged e) {
            view.status = IncidentStatus.ACKNOWLEDGED;
            view.acknowledgedAt = e.acknowledgedAt();
            view.acknowledgedBy = e.acknowledgedBy();
            view.acknowledgedBySide = e.acknowledgedBySide();
            view.acknowledgedWithinOverlap = e.withinOverlap();
            view.acknowledgedWithinTarget = e.withinTarget();
        } else if (event instanceof IncidentEscalated e) {
            view.escalatedTo = e.escalatedTo();
            view.escalatedAt = e.escalatedAt();
        } else if (event instanceof IncidentMitigated e) {
            view.status = IncidentStatus.MITIGATED;
            view.mitigatedAt = e.mitigatedAt();
            view.mitigation = e.summary();
        } else if (event instanceof IncidentResolved e) {
            view.status = IncidentStatus.RESOLVED;
            view.resolvedAt = e.resolvedAt();
            if (view.mitigatedAt == null) {
                // resolved without a mitigation step: mitigated at resolution, as incident tools count it
                view.mitigatedAt = e.resolvedAt();
            }
            view.rootCause = e.rootCause();
        } else if (event instanceof PostmortemPublished e) {
            view.postmortemPublishedAt = e.publishedAt();
            view.postmortemUrl = e.url();
        }
        return view;
    }
}
