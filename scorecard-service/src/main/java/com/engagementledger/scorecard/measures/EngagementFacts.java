package com.engagementledger.scorecard.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the scorecard of one engagement is computed from, as read from the read model. An event id is null where
 * the read model has not seen that event (yet).
 */
public record EngagementFacts(Engagement engagement, List<WorkItem> workItems, List<Reopen> reopens,
                              List<Release> releases, List<Defect> defects, List<Incident> incidents,
                              List<Rating> ratings, List<Engineer> engineers,
                              List<KnowledgeTransferAssessment> knowledgeTransfers, List<Milestone> milestones,
                              List<Review> reviews, List<OwnershipChange> ownershipChanges, List<Decision> decisions) {

    public record Engagement(EngagementId id, String name, String clientName, String partnerName, String model,
                             LocalDate startDate, String status, EventId openedEventId) {
    }

    /** A work item's first delivery: a later one after a reopen is rework, not a new cycle. */
    public record WorkItem(WorkItemId id, Instant startedAt, Instant deliveredAt, EventId startedEventId,
                           EventId deliveredEventId) {
    }

    /** deliveredAt: the delivery the reopen refers to, when the event names it. */
    public record Reopen(EventId eventId, WorkItemId workItemId, Instant deliveredAt, Instant reopenedAt) {
    }

    public record Release(String id, String name, LocalDate plannedFor, LocalDate shippedOn, EventId plannedEventId,
                          EventId shippedEventId) {
    }

    public record Defect(String id, String stage, String severity, Instant foundAt, EventId eventId) {
    }

    public record Incident(String id, String severity, Instant detectedAt, Instant acknowledgedAt, Instant resolvedAt,
                           EventId openedEventId, EventId acknowledgedEventId, EventId resolvedEventId) {
    }

    public record Rating(String id, int rating, LocalDate ratedOn, EventId eventId) {
    }

    /** phaseRank: 0 OBSERVATION, 1 CONTRIBUTION, 2 ACCOUNTABLE_OWNERSHIP. */
    public record Engineer(EngineerId id, String name, LocalDate joinedOn, LocalDate leftOn, int phaseRank,
                           EventId joinedEventId, EventId leftEventId, EventId phaseEventId) {
    }

    public record KnowledgeTransferAssessment(EventId eventId, EngineerId engineerId, int score, LocalDate assessedOn) {
    }

    public record Milestone(EventId eventId, EngineerId engineerId, String milestone, LocalDate reachedOn) {
    }

    public record Review(String id, String kind, LocalDate heldOn, EventId eventId) {
    }

    /** ownerId null: the area was revoked. */
    public record OwnershipChange(EventId eventId, String area, String ownerId, long sequence, Instant recordedAt) {
    }

    public record Decision(String id, Instant acceptedAt, EventId eventId) {
    }
}
