package com.engagementledger.intake.fact;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A delivery fact in the ledger's words, read from a tool's delivery by that tool's mapper. {@code subject} names
 * the tool's object it is about ({@code pull-request:12}), so later facts about it reach the same ledger resource.
 * A fact that changes a resource carries what creating it needs too: a pull request merged before its connection
 * existed is started, then delivered.
 */
public sealed interface Fact {
    String subject();

    /** Its name in an outcome and in its Idempotency-Key. */
    String name();

    record WorkItemStarted(String subject, String title, Instant startedAt) implements Fact {
        public String name() {
            return "start-work-item";
        }
    }

    record WorkItemDelivered(String subject, String title, Instant startedAt, Instant deliveredAt) implements Fact {
        public String name() {
            return "deliver-work-item";
        }
    }

    record WorkItemReopened(String subject, String title, Instant startedAt, Instant reopenedAt, String reason)
            implements Fact {
        public String name() {
            return "reopen-work-item";
        }
    }

    record ReleasePlanned(String subject, String releaseName, LocalDate plannedFor) implements Fact {
        public String name() {
            return "plan-release";
        }
    }

    /** {@code plannedFor} may be null: a release shipped without a planned date was never planned, so it is skipped. */
    record ReleaseShipped(String subject, String releaseName, LocalDate plannedFor, LocalDate shippedOn)
            implements Fact {
        public String name() {
            return "ship-release";
        }
    }

    record DefectFound(String subject, DefectStage stage, Severity severity, Instant foundAt, String description)
            implements Fact {
        public String name() {
            return "record-defect";
        }
    }
}
