package com.engagementledger.contract;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.EventVersions.Step;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every older version is lifted to the current one in one defined way: effectiveAt = when it was recorded. */
class EventVersionsTest {
    private static final Instant RECORDED = Instant.parse("2026-02-16T08:00:00Z");

    @Test
    void every_step_goes_from_a_version_to_the_next_of_the_same_type() {
        assertThat(EventVersions.steps()).allSatisfy(step -> {
            String from = EventCatalog.typeName(step.from());
            String to = EventCatalog.typeName(step.to());
            int v = from.lastIndexOf(".v");
            assertThat(to).as("successor of " + from)
                    .isEqualTo(from.substring(0, v) + ".v" + (Integer.parseInt(from.substring(v + 2)) + 1));
        });
    }

    @Test
    void every_type_with_a_newer_version_has_a_step_to_it() {
        List<String> missing = new ArrayList<>();
        EventCatalog.all().forEach((name, type) -> {
            int v = name.lastIndexOf(".v");
            String next = name.substring(0, v) + ".v" + (Integer.parseInt(name.substring(v + 2)) + 1);
            if (EventCatalog.byName(next).isPresent() && EventVersions.next(type).isEmpty()) {
                missing.add(name + " → " + next);
            }
        });
        assertThat(missing).as("types whose newer version no step reaches").isEmpty();
    }

    @Test
    void each_version_1_example_lifts_to_its_version_2_example_with_effective_at_the_recorded_time() {
        assertThat(EventVersions.steps()).allSatisfy(step -> {
            String from = EventCatalog.typeName(step.from());
            String to = EventCatalog.typeName(step.to());
            ObjectNode older = tree(from);
            ObjectNode expected = tree(to);
            expected.put("effectiveAt", RECORDED.toString());

            EventVersions.Lifted lifted = EventVersions.lift(step.from(), older, RECORDED);

            assertThat(lifted.typeName()).isEqualTo(to);
            assertThat(lifted.type()).isEqualTo(step.to());
            assertThat(lifted.data()).as(from).isEqualTo(expected);
            assertThat(older.has("effectiveAt")).as("the older body is left as it was").isFalse();
        });
    }

    @Test
    void a_consumer_reads_either_version_as_the_current_record() {
        LedgerEvent fromV1 = LedgerCloudEvents.readCurrent(DecisionAccepted.class,
                ExampleMessagesTest.example("ledger.decision.accepted.v1"), RECORDED);
        LedgerEvent fromV2 = LedgerCloudEvents.readCurrent(DecisionAcceptedV2.class,
                ExampleMessagesTest.example("ledger.decision.accepted.v2"), RECORDED);

        assertThat(fromV1).isInstanceOf(DecisionAcceptedV2.class);
        assertThat(((DecisionAcceptedV2) fromV1).effectiveAt()).isEqualTo(RECORDED);
        assertThat(((DecisionAcceptedV2) fromV1).acceptedBy()).isEqualTo("u-lena");
        // a version 2 keeps its own business time, whatever the message's time
        assertThat(((DecisionAcceptedV2) fromV2).effectiveAt()).isEqualTo(Instant.parse("2026-02-11T09:15:00Z"));
    }

    @Test
    void a_version_1_cannot_be_lifted_without_the_time_it_was_recorded() {
        Step step = EventVersions.next(DecisionAccepted.class).orElseThrow();
        assertThatThrownBy(() -> EventVersions.lift(step.from(), tree("ledger.decision.accepted.v1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recorded");
    }

    @Test
    void a_current_type_is_its_own_current_version() {
        assertThat(EventVersions.current(DecisionAccepted.class)).isEqualTo(DecisionAcceptedV2.class);
        assertThat(EventVersions.current(DecisionAcceptedV2.class)).isEqualTo(DecisionAcceptedV2.class);
        assertThat(EventVersions.isCurrent(DeliveryEvents.WorkItemStarted.class)).isTrue();
    }

    private static ObjectNode tree(String typeName) {
        try {
            return (ObjectNode) LedgerCloudEvents.json().readTree(ExampleMessagesTest.example(typeName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
