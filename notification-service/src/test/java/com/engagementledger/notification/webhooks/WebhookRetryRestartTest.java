package com.engagementledger.notification.webhooks;

import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.MutableClock;
import com.engagementledger.notification.NotificationServiceApplication;
import com.engagementledger.notification.TestClockConfig;
import com.engagementledger.testsupport.EmbeddedLedgerProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static com.engagementledger.testsupport.PageAssert.assertPageEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service stopped while a webhook delivery waits for its next retry, and a new instance started on the
 * same database: the retries go on from where they were, and the delivery succeeds exactly once with the earlier
 * attempts in its log.
 * <p>
 * The two instances are application contexts of their own, on a database of their own
 * ({@value #DATABASE}) and a consumer group of their own, so the long-running shared test context (which polls the
 * usual database) can take no part in the delivery. The retry schedule is a constant 5 s here so that the first
 * instance is closed between two attempts, not during one.
 */
class WebhookRetryRestartTest extends IntegrationTest {
    static final String DATABASE = "ledger_notification_restart";

    private HttpServer receiver;
    private final AtomicBoolean recovered = new AtomicBoolean();
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private final String group = "notification-restart-" + UUID.randomUUID();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = secret.get() != null && signature != null
                    && signature.equals(WebhookSignature.sign(secret.get(), id, Long.parseLong(timestamp), body));
            int status = !valid ? 401 : recovered.get() ? 200 : 500;
            received.add(Map.of("id", id, "valid", Boolean.toString(valid), "status", Integer.toString(status)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopEverything() {
        started.forEach(ConfigurableApplicationContext::close);
        receiver.stop(0);
    }

    /** A notification-service instance on the restart database; the test's HTTP helpers now talk to it. */
    private ConfigurableApplicationContext startInstance() {
        Map<String, Object> props = new HashMap<>(EmbeddedLedgerProperties.of(IntegrationTest.DATABASE));
        props.put("spring.datasource.url", INFRA.postgres().jdbcUrl(DATABASE));
        props.put("server.port", "0");
        props.put("ledger.notification.consumer.group-id", group);
        // a new group starts at the end of the topic: only this test's events, not every earlier test's
        props.put("spring.kafka.consumer.auto-offset-reset", "latest");
        props.put("ledger.notification.webhooks.retry.initial-backoff", "5s");
        props.put("ledger.notification.webhooks.retry.multiplier", "1.0");
        props.put("ledger.notification.webhooks.retry.max-backoff", "5s");
        props.put("ledger.notification.webhooks.retry.max-age", "10m");
        props.put("ledger.notification.webhooks.retry.jitter", "0");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                NotificationServiceApplication.class, TestClockConfig.class)
                .profiles("test").run(props.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        started.add(context);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // wait until the consumer owns its partitions and knows where it starts, so an event published now is read
        KafkaListenerEndpointRegistry registry = context.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                registry.getListenerContainers().stream().filter(MessageListenerContainer::isRunning)
                        .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
        awaitStartingOffsets(registry);
        return context;
    }

    /**
     * A container shows its partitions before its consumer has looked up where "latest" is; an event published in
     * between lies before that position and is skipped (seen once in CI). spring-kafka commits the looked-up
     * position on assignment, so once the group has an offset for every assigned partition, the start is fixed.
     */
    private void awaitStartingOffsets(KafkaListenerEndpointRegistry registry) {
        Set<TopicPartition> assigned = new HashSet<>();
        registry.getListenerContainers().forEach(c -> assigned.addAll(c.getAssignedPartitions()));
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", INFRA.kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet()
                    .containsAll(assigned));
        }
    }

    private JsonNode deliveries(String token, String subscription) {
        String list = "/subscriptions/" + subscription + "/deliveries";
        return assertPageEnvelope(list, get(list, token).body());
    }

    /** state and attempts of the subscription's deliveries, read from the database while no instance runs. */
    private List<String> storedDeliveries(String subscription) throws Exception {
        try (Connection db = DriverManager.getConnection(INFRA.postgres().jdbcUrl(DATABASE), "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(
                     "select state, attempts from delivery where subscription_id = ?::uuid")) {
            query.setString(1, subscription);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString("state") + ":" + rs.getInt("attempts"));
                }
            }
            return rows;
        }
    }

    @Test
    void retries_pending_when_the_service_stops_go_on_in_a_new_instance_and_succeed_exactly_once() throws Exception {
        INFRA.postgres().createDatabase(DATABASE);
        String engagement = newId();
        String token = lead(engagement);

        ConfigurableApplicationContext first = startInstance();
        Response created = post("/subscriptions", token, Map.of("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "filter", Map.of("engagements", List.of(engagement), "minSeverity", "WARNING")));
        assertThat(created.status()).isEqualTo(201);
        secret.set(created.body().get("secret").asText());
        String subscription = created.body().get("id").asText();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        publish(new EngineerLeft(engagement, newId(), today.minusDays(10), today, 10, "left"));

        // two attempts answered 500 by the first instance; the delivery waits 5 s for its next one
        JsonNode pending = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveries(token, subscription),
                        d -> d.size() == 1 && d.get(0).get("attempts").asInt() >= 2).get(0);
        assertThat(pending.get("state").asText()).isEqualTo("PENDING");
        assertThat(pending.get("lastStatus").asInt()).isEqualTo(500);
        first.close();

        // nobody runs now: the delivery is stored PENDING with every attempt the receiver answered
        int failedBeforeRestart = received.size();
        assertThat(failedBeforeRestart).isGreaterThanOrEqualTo(2);
        assertThat(received).allMatch(r -> r.get("status").equals("500"));
        assertThat(storedDeliveries(subscription)).containsExactly("PENDING:" + failedBeforeRestart);

        recovered.set(true);
        ConfigurableApplicationContext second = startInstance();
        JsonNode delivered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveries(token, subscription).get(0),
                        d -> d.get("state").asText().equals("SUCCEEDED"));

        // the retries went on: one more attempt, the earlier ones kept in the log, one success
        assertThat(delivered.get("attempts").asInt()).isEqualTo(failedBeforeRestart + 1);
        List<Integer> statuses = new ArrayList<>();
        delivered.get("attemptLog").forEach(a -> statuses.add(a.get("statusCode").asInt()));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < failedBeforeRestart; i++) {
            expected.add(500);
        }
        expected.add(200);
        assertThat(statuses).containsExactlyElementsOf(expected);

        // exactly once: no further attempt after the success, one webhook-id throughout, signatures valid
        assertThat(deliveries(token, subscription)).hasSize(1);
        String messageId = delivered.get("messageId").asText();
        // markers: this instance's clock moves past the lease (2 min) and the backoff (5 s), so that a retry of the
        // delivery, were one still pending, would be due; then two later alerts must each be delivered. The worker
        // claims the earliest due first and runs one round at a time, so once the second marker is delivered, the
        // round that would have retried the first delivery is over.
        second.getBean(MutableClock.class).advance(Duration.ofMinutes(3));
        for (int markers = 1; markers <= 2; markers++) {
            publish(new EngineerLeft(engagement, newId(), today.minusDays(10), today, 10, "marker"));
            int deliveries = 1 + markers;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> deliveries(token, subscription), d -> d.size() == deliveries
                            && d.findValues("state").stream().allMatch(s -> s.asText().equals("SUCCEEDED")));
        }
        JsonNode firstDelivery = deliveries(token, subscription).findParents("messageId").stream()
                .filter(d -> d.get("messageId").asText().equals(messageId)).findFirst().orElseThrow();
        assertThat(firstDelivery.get("attempts").asInt()).isEqualTo(failedBeforeRestart + 1);
        List<Map<String, String>> receivedFirst = received.stream().filter(r -> r.get("id").equals(messageId))
                .toList();
        assertThat(receivedFirst).hasSize(failedBeforeRestart + 1);
        assertThat(received).hasSize(failedBeforeRestart + 1 + 2); // and one for each marker
        assertThat(receivedFirst.stream().filter(r -> r.get("status").equals("200"))).hasSize(1);
        // one webhook-id per delivery: every retry of the first kept its id
        assertThat(received.stream().map(r -> r.get("id")).distinct()).hasSize(1 + 2);
        assertThat(received).allMatch(r -> r.get("valid").equals("true"));
    }
}
