package com.engagementledger.engagement.publishing;

import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.engagementledger.engagement.publishing.EveryEventType.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's {@code ce_globalposition} is the event's own stored position: the {@code position} the REST history
 * answers for the same event, and never shared by two events. Concurrent writers commit out of position order, so the
 * publisher sees an event that fills a gap after events with higher positions; the publishing processor's tracking
 * token then stays at the highest position seen, and an event is not where its token is.
 */
class GlobalPositionContractTest extends IntegrationTest {
    private static final int WRITERS = 6;
    private static final int COMMANDS_PER_WRITER = 12;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void every_published_position_is_the_stored_position_under_concurrent_writers() throws Exception {
        Api lead = api(TestTokens.lead("lead-positions"));
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        List<String> engagements = IntStream.range(0, 4)
                .mapToObj(i -> lead.post("/engagements", Scenario.engagement("Positions " + i)).id()).toList();

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                work.add(CompletableFuture.runAsync(() -> {
                    for (int c = 0; c < COMMANDS_PER_WRITER; c++) {
                        // each writer moves across every engagement, so commits interleave on all of them
                        String engagementId = engagements.get((writer + c) % engagements.size());
                        ok(lead.post("/engagements/" + engagementId + "/decisions",
                                Scenario.decision("Writer " + writer + " decision " + c, "DATA_MODEL", "REVERSIBLE")));
                    }
                }, writers));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        assertKafkaPositionsMatchHistory(lead, engagements, before);
    }

    /**
     * The same fact made certain: one engagement's command holds its transaction open after its event got a position
     * (the test holds the engagement's chain head, which the command locks just before it commits), other engagements'
     * commands commit later positions and are published, then the held command commits.
     */
    @Test
    void an_event_committed_after_higher_positions_is_published_with_its_own_position() throws Exception {
        Api lead = api(TestTokens.lead("lead-late-commit"));
        Map<TopicPartition, Long> before = LedgerTopic.ends();
        String late = lead.post("/engagements", Scenario.engagement("Late commit")).id();
        List<String> others = List.of(lead.post("/engagements", Scenario.engagement("Early commit 1")).id(),
                lead.post("/engagements", Scenario.engagement("Early commit 2")).id());
        List<String> all = new ArrayList<>(others);
        all.add(late);

        CompletableFuture<Api.Response> held;
        try (Connection lock = dataSource.getConnection(); LedgerTopic topic = new LedgerTopic(all, before)) {
            lock.setAutoCommit(false);
            try (PreparedStatement head = lock.prepareStatement(
                    "select chain_seq from event_chain_head where engagement_id = ? for update")) {
                head.setString(1, late);
                head.executeQuery().close();
            }
            held = CompletableFuture.supplyAsync(() -> lead.post("/engagements/" + late + "/decisions",
                    Scenario.decision("Held back", "DATA_MODEL", "REVERSIBLE")));
            awaitBlockedOnLock();

            List<String> early = new ArrayList<>();
            for (String engagementId : others) {
                for (int i = 0; i < 3; i++) {
                    ok(lead.post("/engagements/" + engagementId + "/decisions",
                            Scenario.decision("Early " + i, "DATA_MODEL", "REVERSIBLE")));
                }
                early.addAll(LedgerTopic.stored(jdbc, List.of(engagementId)).get(engagementId));
            }
            // the publisher has gone past the held event's position before that event is committed
            topic.awaitUntil(r -> LedgerTopic.ids(r).containsAll(early), Duration.ofSeconds(60),
                    "the events committed while one command was held");
            lock.rollback();
        }
        ok(held.get(60, TimeUnit.SECONDS));

        assertKafkaPositionsMatchHistory(lead, all, before);
    }

    private void awaitBlockedOnLock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("the held command waits for the chain head").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void assertKafkaPositionsMatchHistory(Api reader, List<String> engagements,
                                                  Map<TopicPartition, Long> before) {
        Map<String, Long> historyPositions = new HashMap<>();
        for (String engagementId : engagements) {
            historyPositions.putAll(historyPositions(reader, engagementId));
        }
        Map<String, List<String>> stored = LedgerTopic.stored(jdbc, engagements);
        assertThat(historyPositions.keySet()).as("the REST history lists every stored event")
                .containsExactlyInAnyOrderElementsOf(stored.values().stream().flatMap(List::stream).toList());

        List<ConsumerRecord<String, CloudEvent>> records;
        try (LedgerTopic topic = new LedgerTopic(engagements, before)) {
            records = topic.awaitUntil(r -> LedgerTopic.ids(r).containsAll(historyPositions.keySet()),
                    Duration.ofSeconds(90), "every stored event of the engagements");
        }
        Map<Long, Set<String>> eventsByPosition = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            long published = LedgerTopic.extension(event, LedgerCloudEvents.EXT_GLOBAL_POSITION);
            Long inHistory = historyPositions.get(event.getId());
            if (inHistory == null || inHistory != published) {
                mismatches.add(event.getId() + ": ce_globalposition " + published + ", history position " + inHistory);
            }
            eventsByPosition.computeIfAbsent(published, p -> new HashSet<>()).add(event.getId());
        }
        assertThat(mismatches).as("events whose published position is not their stored position").isEmpty();
        assertThat(eventsByPosition).as("a published position names one event")
                .allSatisfy((position, ids) -> assertThat(ids).as("events at position %d", position).hasSize(1));
    }

    /** Every entry of the engagement's REST history, page by page: event id → position. */
    private static Map<String, Long> historyPositions(Api reader, String engagementId) {
        Map<String, Long> positions = new HashMap<>();
        String after = "";
        while (after != null) {
            Api.Response page = reader.get("/engagements/" + engagementId + "/history?limit=100" + after);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode entry : page.json().get("items")) {
                positions.put(entry.get("eventId").asText(), entry.get("position").asLong());
            }
            JsonNode next = page.json().get("nextCursor");
            after = next == null || next.isNull() ? null : "&after=" + next.asLong();
        }
        return positions;
    }
}
