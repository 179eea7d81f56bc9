package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.ReleasePlanned;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.DeliveryEvents.WorkItemStarted;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.delivery.DeliveryCommands.DeliverWorkItem;
import com.engagementledger.engagement.delivery.DeliveryCommands.RateSatisfaction;
import com.engagementledger.engagement.delivery.DeliveryCommands.ReopenWorkItem;
import com.engagementledger.engagement.delivery.DeliveryCommands.ShipRelease;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static com.engagementledger.engagement.support.RuleMatcher.violates;
import static com.engagementledger.engagement.support.Actors.CLIENT_LEAD;
import static com.engagementledger.engagement.support.Actors.PARTNER_LEAD;

class DeliveryRulesTest {
    private static final String ENG = "eng-1";
    private static final Instant STARTED = Instant.parse("2026-09-01T09:00:00Z");
    private static final WorkItemStarted START = new WorkItemStarted(ENG, "wi-1", "checkout button", null, STARTED);


    @Test
    void delivery_carries_the_start_for_cycle_time() {
        new AggregateTestFixture<>(WorkItem.class).given(START)
                .when(new DeliverWorkItem(new WorkItemId("wi-1"), null, STARTED.plusSeconds(86400 * 3), PARTNER_LEAD))
                .expectEvents(new WorkItemDelivered(ENG, "wi-1", STARTED, STARTED.plusSeconds(86400 * 3)));
    }

    @Test
    void delivery_cannot_precede_the_start() {
        new AggregateTestFixture<>(WorkItem.class).given(START)
                .when(new DeliverWorkItem(new WorkItemId("wi-1"), null, STARTED.minusSeconds(1), PARTNER_LEAD))
                .expectException(violates("work-item.time.backwards"));
    }

    @Test
    void only_a_delivered_item_is_reopened_and_a_delivered_item_is_not_delivered_again() {
        Instant delivered = STARTED.plusSeconds(86400);
        WorkItemDelivered deliveredEvent = new WorkItemDelivered(ENG, "wi-1", STARTED, delivered);
        new AggregateTestFixture<>(WorkItem.class).given(START)
                .when(new ReopenWorkItem(new WorkItemId("wi-1"), null, delivered, "bug", PARTNER_LEAD))
                .expectException(violates("work-item.not-delivered"));
        new AggregateTestFixture<>(WorkItem.class).given(START, deliveredEvent)
                .when(new DeliverWorkItem(new WorkItemId("wi-1"), null, delivered.plusSeconds(60), PARTNER_LEAD))
                .expectException(violates("work-item.not-in-progress"));
        new AggregateTestFixture<>(WorkItem.class).given(START, deliveredEvent)
                .when(new ReopenWorkItem(new WorkItemId("wi-1"), null, delivered.plusSeconds(86400), "bug", PARTNER_LEAD))
                .expectEvents(new WorkItemReopened(ENG, "wi-1", delivered, delivered.plusSeconds(86400), "bug"));
    }

    @Test
    void a_release_ships_once_and_records_days_late() {
        LocalDate planned = LocalDate.of(2026, 9, 15);
        ReleasePlanned plannedEvent = new ReleasePlanned(ENG, "r-1", "1.0", planned);
        new AggregateTestFixture<>(Release.class).given(plannedEvent)
                .when(new ShipRelease(new ReleaseId("r-1"), null, planned.plusDays(3), CLIENT_LEAD))
                .expectEvents(new ReleaseShipped(ENG, "r-1", "1.0", planned, planned.plusDays(3), 3));
        new AggregateTestFixture<>(Release.class)
                .given(plannedEvent, new ReleaseShipped(ENG, "r-1", "1.0", planned, planned, 0))
                .when(new ShipRelease(new ReleaseId("r-1"), null, planned.plusDays(1), CLIENT_LEAD))
                .expectException(violates("release.already-shipped"));
    }

    @Test
    void stakeholder_satisfaction_is_rated_by_the_client_side() {
        new AggregateTestFixture<>(SatisfactionRating.class).givenNoPriorActivity()
                .when(new RateSatisfaction(new RatingId("s-1"), new EngagementId(ENG), "VP Product", 5, LocalDate.of(2026, 9, 1), null, PARTNER_LEAD))
                .expectException(violates("satisfaction.client-only"));
    }
}
