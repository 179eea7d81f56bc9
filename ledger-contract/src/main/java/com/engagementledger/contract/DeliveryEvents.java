package com.engagementledger.contract;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** Delivery facts the scorecard is computed from: work items, releases, defects, satisfaction. */
public final class DeliveryEvents {
    private DeliveryEvents() {
    }

    @EventType("ledger.delivery.work-item-started.v1")
    public record WorkItemStarted(String engagementId, String workItemId, String title, String workstreamId,
                                  Instant startedAt) implements LedgerEvent {
    }

    /** Carries startedAt so that a consumer computes cycle time without calling back. */
    @EventType("ledger.delivery.work-item-delivered.v1")
    public record WorkItemDelivered(String engagementId, String workItemId, Instant startedAt, Instant deliveredAt)
            implements LedgerEvent {
    }

    @EventType("ledger.delivery.work-item-reopened.v1")
    public record WorkItemReopened(String engagementId, String workItemId, Instant deliveredAt, Instant reopenedAt,
                                   String reason) implements LedgerEvent {
    }

    @EventType("ledger.delivery.release-planned.v1")
    public record ReleasePlanned(String engagementId, String releaseId, String name, LocalDate plannedFor)
            implements LedgerEvent {
    }

    /** daysLate is shippedOn minus the planned date (negative when early). */
    @EventType("ledger.delivery.release-shipped.v1")
    public record ReleaseShipped(String engagementId, String releaseId, String name, LocalDate plannedFor,
                                 LocalDate shippedOn, long daysLate) implements LedgerEvent {
    }

    @EventType("ledger.delivery.defect-found.v1")
    public record DefectFound(String engagementId, String defectId, DefectStage stage, Severity severity,
                              Instant foundAt, @Nullable String workItemId, @Nullable String releaseId,
                              @Nullable String description)
            implements LedgerEvent {
    }

    @EventType("ledger.delivery.satisfaction-rated.v1")
    public record SatisfactionRated(String engagementId, String ratingId, String stakeholder, int rating,
                                    LocalDate ratedOn, @Nullable String comment) implements LedgerEvent {
    }
}
