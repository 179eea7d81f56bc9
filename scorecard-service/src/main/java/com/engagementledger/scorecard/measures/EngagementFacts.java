package com.engagementledger.scorecard.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the scorecard of one engagement is computed from, as read from the read model. */
public record EngagementFacts(Engagement engagement, List<WorkItem> workItems, List<Reopen> reopens,
                              List<Release> releases, List<Defect> defects, List<Incident> incidents,
                              List<Rating> ratings, List<Engineer> engineers, List<KnowledgeTransferAssessment> knowledgeTransfers,
                              List<Milestone> milestones, List<Review> reviews, List<OwnershipChange> ownershipChanges,
                              List<Decision> decisions) {

    public record Engagement(String id, String name, String clientName, String partnerName, String model,
                             LocalDate startDate, String status, String openedEventId) {
    }

    public record WorkItem(String id, Instant startedAt, Instant deliveredAt, String startedEventId,
                           String deliveredEventId) {
    }

    public record Reopen(String eventId, String workItemId, Instant deliveredAt, Instant reopenedAt) {
    }

    public record Release(String id, String name, LocalDate plannedFor, LocalDate shippedOn, String plannedEventId,
                          String shippedEventId) {
    }

    public record Defect(String id, String stage, String severity, Instant foundAt, String eventId) {
    }

    public record Incident(String id, String severity, Instant detectedAt, Instant acknowledgedAt, Instant resolvedAt,
                           String openedEventId, String acknowledgedEventId, String resolvedEventId) {
    }

    public record Rating(String id, int rating, LocalDate ratedOn, String eventId) {
    }

    /** phaseRank: 0 OBSERVATION, 1 CONTRIBUTION, 2 ACCOUNTABLE_OWNERSHIP. */
    public record Engineer(String id, String name, LocalDate joinedOn, LocalDate leftOn, int phaseRank,
                           String joinedEventId, String leftEventId, String phaseEventId) {
    }

    public record KnowledgeTransferAssessment(String eventId, String engineerId, int score, LocalDate assessedOn) {
    }

    public record Milestone(String eventId, String engineerId, String milestone, LocalDate reachedOn) {
    }

    public record Review(String id, String kind, LocalDate heldOn, String eventId) {
    }

    /** ownerId null: the area was revoked. */
    public record OwnershipChange(String eventId, String area, String ownerId, long sequence, Instant recordedAt) {
    }

    public record Decision(String id, Instant acceptedAt, String eventId) {
    }
}
