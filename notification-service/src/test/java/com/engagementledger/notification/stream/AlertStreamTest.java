package com.engagementledger.notification.stream;

import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.concurrent.CountDownLatch;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SSE clients see alerts of their own engagements only, and resume after Last-Event-ID. */
class AlertStreamTest extends IntegrationTest {

    /** Reads "id:" and "data:" lines of an SSE response on a background thread. */
    private final class SseClient implements AutoCloseable {
        final List<String> ids = new CopyOnWriteArrayList<>();
        final List<String> data = new CopyOnWriteArrayList<>();
        final InputStream body;

        SseClient(String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/alerts/stream"))
                    .header("authorization", "Bearer " + token).header("accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("id:")) {
                            ids.add(line.substring(3).trim());
                        } else if (line.startsWith("data:")) {
                            data.add(line.substring(5));
                        }
                    }
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    /** Returns the engineer who left early: the subject of the alert it opens. */
    private String earlyDeparture(String engagement) {
        String engineer = newId();
        publish(new EngineerLeft(engagement, engineer, today().minusDays(5), today(), 5, "left"));
        return engineer;
    }

    @Test
    void sse_clients_receive_alerts_of_their_engagements_only() throws Exception {
        String mine = newId();
        String theirs = newId();
        try (SseClient client = new SseClient(lead(mine), null);
             SseClient other = new SseClient(lead(theirs), null)) {
            earlyDeparture(theirs);
            earlyDeparture(mine);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.data.stream().anyMatch(d -> d.contains(mine)));
            await().atMost(Duration.ofSeconds(20)).until(() -> other.data.stream().anyMatch(d -> d.contains(theirs)));
            // markers: one more alert each, written after the other engagement's, must reach each client; the
            // stream sends changes in sequence order, so the other engagement's would have been sent before them
            String myMarker = earlyDeparture(mine);
            String theirMarker = earlyDeparture(theirs);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> client.data.stream().anyMatch(d -> d.contains(myMarker)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> other.data.stream().anyMatch(d -> d.contains(theirMarker)));
            assertThat(client.data).noneMatch(d -> d.contains(theirs));
            assertThat(other.data).noneMatch(d -> d.contains(mine));
        }
    }

    @Autowired
    Alerts alerts;
    @Autowired
    TransactionTemplate tx;

    @Test
    void sse_delivers_a_change_that_commits_after_a_later_one() throws Exception {
        String engagement = newId();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SseClient client = new SseClient(lead(engagement), null)) {
            // the slow transaction takes the lower sequence number but commits last
            Thread slow = new Thread(() -> tx.executeWithoutResult(s -> {
                alerts.open(new AlertCondition("quality.drift", engagement, "slow"), AlertSeverity.WARNING,
                        "slow", List.of());
                written.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            slow.start();
            written.await();
            alerts.open(new AlertCondition("quality.drift", engagement, "fast"), AlertSeverity.WARNING, "fast",
                    List.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> client.data.stream().anyMatch(d -> d.contains("fast")));
            release.countDown();
            slow.join();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.data.stream().anyMatch(d -> d.contains("slow")));
            assertThat(client.ids).hasSize(2);
        }
    }

    @Test
    void sse_resumes_after_last_event_id() throws Exception {
        String engagement = newId();
        String firstId;
        try (SseClient client = new SseClient(lead(engagement), null)) {
            earlyDeparture(engagement);
            await().atMost(Duration.ofSeconds(20)).until(() -> !client.ids.isEmpty());
            firstId = client.ids.get(0);
        }
        // disconnected: two more alerts happen
        earlyDeparture(engagement);
        earlyDeparture(engagement);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertCount(engagement, "onboarding.early-departure") == 3);

        try (SseClient resumed = new SseClient(lead(engagement), firstId)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.ids.size() >= 2);
            // marker: an alert after the resume must arrive; by then a change sent twice would have arrived too
            String marker = earlyDeparture(engagement);
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.data.stream().anyMatch(d -> d.contains(marker)));
            // the two missed while disconnected, then the marker: nothing before Last-Event-ID, nothing twice
            assertThat(resumed.ids).hasSize(3);
            assertThat(resumed.ids).allMatch(id -> Long.parseLong(id) > Long.parseLong(firstId));
        }
    }

    @Test
    void one_caller_may_hold_ten_streams_at_once_and_the_eleventh_is_429() throws Exception {
        String engagement = newId();
        String token = TestTokens.token("streamer-" + newId()).roles("LEAD").engagements(engagement).sign();
        List<SseClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                open.add(new SseClient(token, null));
            }
            // read as a stream: an eleventh stream that were accepted would never end
            HttpResponse<InputStream> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            uri("/alerts/stream")).header("authorization", "Bearer " + token)
                    .header("accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = refused.body()) {
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("content-type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("\"rule\":\"rate.limit.exceeded\"");
            }
            // another caller is not held back by this one's streams, and this one's ten still stream
            try (SseClient other = new SseClient(lead(engagement), null)) {
                String engineer = earlyDeparture(engagement);
                await().atMost(Duration.ofSeconds(20)).until(() -> other.data.stream().anyMatch(d -> d.contains(engineer)));
                await().atMost(Duration.ofSeconds(20)).until(() -> open.stream()
                        .allMatch(c -> c.data.stream().anyMatch(d -> d.contains(engineer))));
            }
        } finally {
            for (SseClient client : open) {
                client.close();
            }
        }
    }
}
