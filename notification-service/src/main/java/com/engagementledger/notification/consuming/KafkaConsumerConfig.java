package com.engagementledger.notification.consuming;

import com.engagementledger.support.consuming.WaitOutTheDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The ledger-events listener: raw bytes in, batches (offsets committed after each batch), retries of the failing
 * record with backoff, then the dead-letter topic; while the database cannot be reached, retries without end instead.
 */
@Configuration
class KafkaConsumerConfig {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> ledgerEventsContainerFactory(
            KafkaProperties kafka, @Value("${ledger.notification.consumer.concurrency:1}") int concurrency,
            @Value("${ledger.notification.consumer.retry.initial-interval:500ms}") java.time.Duration initial,
            @Value("${ledger.notification.consumer.retry.max-elapsed:10s}") java.time.Duration maxElapsed,
            @Value("${ledger.notification.consumer.retry.database-unavailable-interval:5s}")
            java.time.Duration databaseRetry, MeterRegistry meters) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<String, byte[]> dltProducer = new DefaultKafkaProducerFactory<>(producer);
        // Boot binds the Kafka client metrics only to its own factories; these are the service's own
        dltProducer.addListener(new MicrometerProducerListener<>(meters));
        KafkaTemplate<String, byte[]> dltTemplate = new KafkaTemplate<>(dltProducer);
        // same partition number on <topic>.dlt is not guaranteed to exist, so let Kafka choose by key
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(dltTemplate,
                (record, e) -> new TopicPartition(record.topic() + ".dlt", -1));

        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxElapsedTime(maxElapsed.toMillis());

        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, byte[]> consumerFactory = new DefaultKafkaConsumerFactory<>(consumer);
        // the consumer's fetch metrics include its lag per partition (kafka_consumer_fetch_manager_records_lag)
        consumerFactory.addListener(new MicrometerConsumerListener<>(meters));
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        // the next poll does not wait for the group coordinator's answer: a commit lost in a crash or a rebalance only
        // redelivers events that processed_event already holds, and those are skipped
        factory.getContainerProperties().setSyncCommits(false);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
        // our database down (or momentarily refusing) is not the message's fault: wait, never dead-letter (skip) it
        errorHandler.setBackOffFunction(new WaitOutTheDatabase(databaseRetry));
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
