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
            String night = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC).toString();
            for (String id : engagements) {
                Http.Answer incident = ledger.api().post("/engagements/" + id + "/incidents", Map.of("severity", "SEV1",
                        "service", "checkout-api", "title", "Checkout down at night", "detectedAt", night));
                assertThat(incident.status()).as("%s", incident).isEqualTo(201);
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
            Thread.sleep(3000); // a webhook or alert change caused by the replay would be sent by now

            Map<String, Object> after = snapshot(engagements, receiver);
            assertThat(after).isEqualTo(settled);
            System.out.printf("[offset-reset] replayed %d messages to each group; nothing changed (%d alerts, %s "
                    + "webhooks)%n", scorecardCommitted, ((List<?>) settled.get("alerts")).size(),
                    settled.get("webhooks received"));
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
