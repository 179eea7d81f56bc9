package com.engagementledger.scorecard.rebuild;

import com.engagementledger.scorecard.consuming.EventApplier;
import com.engagementledger.scorecard.consuming.LedgerMessage;
import com.engagementledger.scorecard.consuming.MessageReader;
import com.engagementledger.scorecard.consuming.PoisonMessageException;
import com.engagementledger.scorecard.generations.Generations;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every read model from the beginning of the topic into a new generation while the active one keeps
 * answering, then switches in one transaction. Its own consumer (no group offsets) reads up to the end offsets taken
 * at the start; everything that arrives later reaches the new generation through the live consumer, which writes to
 * the generation being built as well.
 */
@Service
class RebuildService implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final Generations generations;
    private final EventApplier applier;
    private final KafkaProperties kafka;
    private final String topic;
    private final int threads;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "scorecard-rebuild"));
    private final ExecutorService readerPool = Executors.newCachedThreadPool(r -> new Thread(r, "scorecard-rebuild-reader"));

    RebuildService(Generations generations, EventApplier applier, KafkaProperties kafka,
                          @Value("${ledger.kafka.topic}") String topic,
                          @Value("${ledger.rebuild.threads:2}") int threads) {
        this.threads = threads;
        this.generations = generations;
        this.applier = applier;
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public void run(ApplicationArguments args) {
        generations.abandonBuilding().forEach(id -> log.warn("rebuild generation {} was interrupted; dropped", id));
    }

    /** @return the generation being built, or empty when a rebuild is already running. */
    Optional<Integer> start() {
        Optional<Integer> generation = generations.startBuilding();
        generation.ifPresent(id -> executor.submit(() -> build(id)));
        return generation;
    }

    Optional<Generations.Status> status(int generation) {
        return generations.describe(generation);
    }

    private void build(int generation) {
        try {
            List<TopicPartition> partitions;
            try (KafkaConsumer<String, byte[]> probe = consumer(generation)) {
                partitions = probe.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            // partitions are independent (key = engagement id), so readers split them and run in parallel
            int readers = Math.max(1, Math.min(threads, partitions.size()));
            List<List<TopicPartition>> shares = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                shares.add(new ArrayList<>());
            }
            for (int i = 0; i < partitions.size(); i++) {
                shares.get(i % readers).add(partitions.get(i));
            }
            AtomicLong read = new AtomicLong();
            List<CompletableFuture<Void>> work = shares.stream()
                    .map(share -> CompletableFuture.runAsync(() -> read(generation, share, read), readerPool))
                    .toList();
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
            generations.progress(generation, read.get());
            List<Integer> retired = generations.activate(generation);
            log.info("rebuild generation {} active after {} events; retired {}", generation, read.get(), retired);
            retired.forEach(generations::deleteRows);
        } catch (RuntimeException e) {
            log.error("rebuild generation {} failed", generation, e);
            generations.fail(generation, e.toString());
            generations.deleteRows(generation);
        }
    }

    /** Reads the given partitions from their beginning to the end offsets they had when the rebuild started. */
    private void read(int generation, List<TopicPartition> partitions, AtomicLong read) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(generation)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<LedgerMessage> messages = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        MessageReader.read(record).ifPresent(messages::add);
                    } catch (PoisonMessageException e) {
                        // already dead-lettered by the live consumer; a rebuild does not stop for it
                    }
                }
                applier.applyTo(generation, messages);
                generations.progress(generation, read.addAndGet(messages.size()));
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer(int generation) {
        Map<String, Object> config = kafka.buildConsumerProperties(null);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "scorecard-rebuild-" + generation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
