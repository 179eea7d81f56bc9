package com.engagementledger.system;

import com.engagementledger.system.support.Http;
import com.engagementledger.system.support.KafkaGroups;
import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.SystemStack;
import com.engagementledger.system.support.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Promise: the same messages delivered again (both consumer groups moved back to offset 0 while the services are
 * stopped) change no scorecard, no alert, no alert change or history, and send no webhook again.
 */
@Order(3)
class OffsetResetTest {
    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "offset.reset.lead");

    @Test
    void replaying_the_topic_from_offset_zero_changes_no_read_model_alert_or_webhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); KafkaGroups groups = new KafkaGroups(stack)) {
            List<String> engagements = List.of(ledger.open("Replay A"), ledger.open("Replay B"));
            Http notifications = new Http(stack.notification().baseUrl(), stack.tokens().lead("offset.reset.lead"));
            Http.Answer subscribed = notifications.post("/subscriptions", Map.of("url", receiver.url(),
                    "filter", Map.of("engagements", engagements, "minSeverity", "INFO")));
            assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
            // time-rule alerts may fire before the subscription exists (the engagements' opening is consumed at
            // once); a SEV1 at 01:00 UTC yesterday, outside the 09:00-13:00 Berlin overlap and without runbook,
            // raises an alert after it, so there are always webhooks whose replay would show
            for (String id : engagements) {
                nightIncident(id);
            }
            for (String id : engagements) {
                for (int i = 0; i < 10; i++) {
                    assertThat(ledger.recordDefect(id, i % 3 == 0, 1 + i).ok()).isTrue();
                    assertThat(ledger.rate(id, 1 + i % 5, 1 + i).ok()).isTrue();
                }
            }
            ledger.awaitEveryEventConsumed(Duration.ofSeconds(60));
            // time-rule alerts (the engagements started 30 days ago) and their webhooks settle
            Map<String, Object> settled = awaitStable(() -> snapshot(engagements, receiver), Duration.ofSeconds(4),
                    Duration.ofSeconds(60));
            assertThat((List<?>) settled.get("alerts")).as("alerts to watch").isNotEmpty();
            assertThat((Integer) settled.get("webhooks received")).as("webhooks to watch").isPositive();

            stack.scorecard().stop();
            stack.notification().stop();
            long scorecardCommitted = groups.committedTotal("scorecard");
            groups.resetToBeginning("scorecard");
            groups.resetToBeginning("notification");
            assertThat(groups.lag("scorecard")).isGreaterThanOrEqualTo(scorecardCommitted);
            stack.startAndAwait(stack.scorecard(), stack.notification());
            groups.awaitNoLag("scorecard", Duration.ofSeconds(120));
            groups.awaitNoLag("notification", Duration.ofSeconds(120));
            // Both groups commit their offsets after the transaction of the events they consumed, so no lag means
            // every replayed event has been applied (or skipped) in both databases. Webhooks are sent later, by the
            // delivery worker: markers prove that it has worked past anything the replay could have queued.
            long markerDeliveries = awaitMarkerWebhooks(notifications);

            Map<String, Object> after = snapshot(engagements, receiver);
            Map<String, Object> expected = new LinkedHashMap<>(settled);
            expected.put("deliveries", (Long) settled.get("deliveries") + markerDeliveries);
            assertThat(after).isEqualTo(expected);
            System.out.printf("[offset-reset] replayed %d messages to each group; nothing changed (%d alerts, %s "
                    + "webhooks)%n", scorecardCommitted, ((List<?>) settled.get("alerts")).size(),
                    settled.get("webhooks received"));
        }
    }

    /** SEV1 at 01:00 UTC yesterday: outside the engagement's 09:00-13:00 Berlin overlap, without runbook. */
    private void nightIncident(String engagementId) {
        String night = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC).toString();
        Http.Answer incident = ledger.api().post("/engagements/" + engagementId + "/incidents", Map.of("severity",
                "SEV1", "service", "checkout-api", "title", "Checkout down at night", "detectedAt", night));
        assertThat(incident.status()).as("%s", incident).isEqualTo(201);
    }

    /**
     * Two webhooks of an engagement of their own, raised one after the other after the replay, must arrive. The
     * worker claims deliveries earliest first and attempts one round at a time, so when the second has arrived, the
     * round holding anything the replay queued before the first is over. Returns their deliveries (rows in the
     * database beside the watched engagements' ones).
     */
    private long awaitMarkerWebhooks(Http notifications) {
        try (WebhookReceiver markers = new WebhookReceiver()) {
            String engagement = ledger.open("Replay marker");
            Http.Answer subscribed = notifications.post("/subscriptions", Map.of("url", markers.url(), "filter",
                    Map.of("engagements", List.of(engagement), "rules",
                            List.of("incident.outside-overlap-without-runbook"))));
            assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
            for (int marker = 1; marker <= 2; marker++) {
                nightIncident(engagement);
                int expected = marker;
                await("marker webhook " + marker).atMost(Duration.ofSeconds(60))
                        .until(() -> markers.received().size() >= expected);
            }
            assertThat(markers.received()).hasSize(2);
            return ledger.count("ledger_notification", "select count(*) from delivery where subscription_id = ?::uuid",
                    subscribed.json().get("id").asText());
        }
    }

    private Map<String, Object> snapshot(List<String> engagements, WebhookReceiver receiver) {
        Map<String, Object> s = new LinkedHashMap<>(ledger.notificationState(engagements));
        Map<String, JsonNode> scorecards = new LinkedHashMap<>();
        engagements.forEach(id -> scorecards.put(id, ledger.scorecard(id)));
        s.put("scorecards", scorecards);
        s.put("webhooks received", receiver.received().size());
        s.put("distinct webhooks", (int) receiver.received().stream().distinct().count());
        return s;
    }

    static <T> T awaitStable(java.util.function.Supplier<T> read, Duration quiet, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T last = read.get();
        Instant since = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            T now = read.get();
            if (!Objects.equals(now, last)) {
                last = now;
                since = Instant.now();
            } else if (Duration.between(since, Instant.now()).compareTo(quiet) >= 0) {
                return now;
            }
        }
        throw new AssertionError("state did not settle within " + timeout.toSeconds() + " s: " + last);
    }
}
