package com.engagementledger.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Plain Kafka clients on the run's broker (which creates a topic on first use, with 6 partitions). */
final class Kafka {
    /** Idempotent, acks=all, lingering 5 ms: as the services' publishers send by default. */
    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
    }

    /** A scratch topic, created before anyone reads it: 6 partitions, as the broker creates a topic on first use. */
    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** Messages ever written to {@code topic}. */
    static long messages(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
            return c.endOffsets(partitions(c, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    interface OnRecord {
        void accept(ConsumerRecord<String, byte[]> record, long receivedNanos) throws Exception;
    }

    /** A thread handing over every record written to {@code topic} from now on, until {@code running} turns false. */
    static Thread tail(String bootstrap, String topic, AtomicBoolean running, Table table, OnRecord onRecord) {
        KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
        consumer.assign(partitions(consumer, topic));
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return Benchmark.thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        onRecord.accept(r, System.nanoTime());
                    }
                }
            } catch (Exception e) {
                table.error("reading " + topic + ": " + e);
            }
        });
    }
}
