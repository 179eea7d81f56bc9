package com.engagementledger.notification;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.testsupport.EmbeddedLedger;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** One Spring context for all integration tests, on the JVM's shared real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {NotificationServiceApplication.class, TestClockConfig.class})
@ActiveProfiles("test")
@AutoConfigureObservability
@EmbeddedLedger(database = IntegrationTest.DATABASE)
public abstract class IntegrationTest {
    public static final String DATABASE = "ledger_notification";
    protected static final LedgerInfrastructure INFRA = LedgerInfrastructure.shared();
    protected static final ObjectMapper JSON = LedgerCloudEvents.json();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaProducer<String, CloudEvent> producer;
    private static KafkaProducer<String, byte[]> rawProducer;

    static {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", INFRA.kafka().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            for (String topic : List.of(LedgerCloudEvents.EVENTS_TOPIC, LedgerCloudEvents.ALERTS_TOPIC)) {
                if (!existing.contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
                }
            }
        } catch (Exception e) {
            // another module's test may have created it concurrently
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- Kafka: the real pipeline from the topic on ----

    protected static synchronized KafkaProducer<String, CloudEvent> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new CloudEventSerializer());
        }
        return producer;
    }

    protected static synchronized KafkaProducer<String, byte[]> rawProducer() {
        if (rawProducer == null) {
            rawProducer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return rawProducer;
    }

    /** Publishes an event as engagement-service does; returns its ce_id. */
    protected String publish(LedgerEvent event) {
        return publish(event, newId(), EventCatalog.typeName(event.getClass()), LedgerCloudEvents.toJson(event));
    }

    protected String publish(LedgerEvent event, String eventId, String type, byte[] body) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(eventId)
                .withType(type)
                .withSource(URI.create(LedgerCloudEvents.SOURCE))
                .withTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .withSubject(event.engagementId())
                .withDataContentType(LedgerCloudEvents.DATA_CONTENT_TYPE)
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_ID, event.engagementId())
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_TYPE, "Engagement")
                .withExtension(LedgerCloudEvents.EXT_AGGREGATE_SEQUENCE, 0L)
                .withExtension(LedgerCloudEvents.EXT_GLOBAL_POSITION, 0L)
                .withExtension(LedgerCloudEvents.EXT_ACTOR, "lead-1")
                .withExtension(LedgerCloudEvents.EXT_ACTOR_SIDE, "CLIENT")
                .withExtension(LedgerCloudEvents.EXT_CORRELATION_ID, newId())
                .withData(body)
                .build();
        try {
            producer().send(new ProducerRecord<>(LedgerCloudEvents.EVENTS_TOPIC, event.engagementId(), cloudEvent)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    // ---- alerts as stored ----

    protected record StoredAlert(UUID id, String state, String severity, List<String> causes, String message) {
    }

    protected Optional<StoredAlert> alert(String engagementId, String rule, String subject, String state) {
        return jdbc.sql("""
                        select id, state, severity, cause_event_ids, message from alert
                        where engagement_id = ? and rule = ? and subject = ? and state = ?
                        order by opened_at desc limit 1""")
                .params(engagementId, rule, subject, state)
                .query((rs, n) -> new StoredAlert(rs.getObject("id", UUID.class), rs.getString("state"),
                        rs.getString("severity"), List.of((String[]) rs.getArray("cause_event_ids").getArray()),
                        rs.getString("message")))
                .optional();
    }

    protected StoredAlert awaitAlert(String engagementId, String rule, String subject, String state) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> alert(engagementId, rule, subject, state), Optional::isPresent).get();
    }

    protected long alertCount(String engagementId, String rule) {
        return jdbc.sql("select count(*) from alert where engagement_id = ? and rule = ?")
                .params(engagementId, rule).query(Long.class).single();
    }

    /** Waits until every event published so far for the engagement has been applied. */
    protected void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("select count(*) from processed_event where event_id = ?").params(eventId)
                        .query(Long.class).single() == 1);
    }

    // ---- HTTP with tokens ----

    /** A client-side lead whose token lists these engagements only. */
    protected static String lead(String... engagements) {
        return TestTokens.token("lead-" + String.join("-", engagements).hashCode()).roles("LEAD")
                .engagements(engagements).sign();
    }

    protected record Response(int status, String contentType, JsonNode body) {
    }

    protected Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    protected Response post(String path, String token, Object body) {
        try {
            String json = body == null ? "" : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(),
                    response.headers().firstValue("content-type").orElse(""), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
