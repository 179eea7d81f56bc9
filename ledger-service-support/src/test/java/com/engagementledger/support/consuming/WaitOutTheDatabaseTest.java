package com.engagementledger.support.consuming;

import com.engagementledger.embedded.LedgerInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.FixedBackOff;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record whose failure turns from "this record" into "our database is down" waits for the database instead of
 * running out its retries into the dead-letter topic: against a real broker and spring-kafka's own error handler.
 */
class WaitOutTheDatabaseTest {
    /** More failures than the ordinary back-off allows: an outage outlasts the retries meant for a bad record. */
    private static final int OUTAGE_FAILURES = 6;

    @Test
    void a_record_that_first_failed_for_itself_then_finds_the_database_down_waits_for_it() throws Exception {
        Outcome outcome = consume("waits", WaitOutTheDatabase::failedAt);

        assertThat(outcome.applied).containsExactly("first", "second");
        assertThat(outcome.deadLettered).isEmpty();
    }

    @Test
    void named_by_one_class_of_failure_the_same_record_is_dead_lettered_during_the_outage() throws Exception {
        // the control: spring-kafka keeps the back-off chosen at the first failure while the failure's class stays
        Outcome outcome = consume("control", (index, message, cause) ->
                new BatchListenerFailedException(message, cause, index));

        assertThat(outcome.deadLettered).containsExactly("first");
        assertThat(outcome.applied).containsExactly("second");
    }

    private interface Failure {
        BatchListenerFailedException at(int index, String message, Throwable cause);
    }

    private record Outcome(List<String> applied, List<String> deadLettered) {
    }

    private static Outcome consume(String name, Failure failure) throws Exception {
        String bootstrap = LedgerInfrastructure.shared().kafka().bootstrapServers();
        String topic = "wait-out-the-database-" + name + "-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", "first")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, "k", "second")).get(30, TimeUnit.SECONDS);
        }

        List<String> applied = new CopyOnWriteArrayList<>();
        List<String> deadLettered = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        // attempt 1: the record's own failure; 2..OUTAGE_FAILURES+1: the database cannot be reached; then it can
        IntFunction<RuntimeException> failureOfAttempt = attempt -> attempt == 1
                ? new IllegalStateException("JDBC rollback failed")
                : attempt <= OUTAGE_FAILURES + 1 ? new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")) : null;
        BatchMessageListener<String, String> listener = records -> {
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                if (record.value().equals("first")) {
                    RuntimeException cause = failureOfAttempt.apply(attempts.incrementAndGet());
                    if (cause != null) {
                        throw failure.at(i, "cannot apply " + record.value(), cause);
                    }
                }
                applied.add(record.value());
            }
        };

        // an ordinary back-off of two quick retries, then "dead-lettering" (recorded here)
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(
                (record, e) -> deadLettered.add((String) record.value()), new FixedBackOff(10, 2));
        errorHandler.setBackOffFunction(new WaitOutTheDatabase(Duration.ofMillis(10)));
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(topic);
        properties.setMessageListener(listener);
        KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)), properties);
        container.setCommonErrorHandler(errorHandler);
        container.start();
        try {
            // "second" comes after "first" in the partition: once it is applied, "first" was applied or skipped
            await().atMost(Duration.ofSeconds(60)).until(() -> applied.contains("second"));
        } finally {
            container.stop();
        }
        return new Outcome(List.copyOf(applied), List.copyOf(deadLettered));
    }
}
