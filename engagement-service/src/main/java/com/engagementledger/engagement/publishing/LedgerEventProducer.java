package com.engagementledger.engagement.publishing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The ledger's own Kafka producer: idempotent, acks=all, CloudEvents binary mode, and timeouts bounded so that a
 * send to a broker that is down fails (and is retried by the processor) instead of blocking forever. It is kept
 * apart from Boot's default KafkaTemplate so that nothing else in the service changes how events are sent.
 */
@Component
class LedgerEventProducer implements DisposableBean {
    private final DefaultKafkaProducerFactory<String, CloudEvent> factory;
    private final KafkaTemplate<String, CloudEvent> template;
    private final Duration sendTimeout;

    LedgerEventProducer(KafkaProperties kafka, PublishingProperties properties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(CloudEventSerializer.ENCODING_CONFIG, "BINARY");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // idempotence keeps per-partition order across retries with up to five requests in flight
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.requestTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.maxBlock().toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "engagement-service-publisher");
        this.factory = new DefaultKafkaProducerFactory<>(config);
        // Boot binds the Kafka client metrics only to its own factories: sends, errors, retries, batch sizes, latency
        factory.addListener(new MicrometerProducerListener<>(meters));
        this.template = new KafkaTemplate<>(factory);
        // a send is never awaited longer than Kafka itself may take to give up on it
        this.sendTimeout = properties.maxBlock().plus(properties.deliveryTimeout()).plusSeconds(5);
    }

    CompletableFuture<SendResult<String, CloudEvent>> send(String topic, String key, CloudEvent event) {
        return template.send(new ProducerRecord<>(topic, key, event));
    }

    Duration sendTimeout() {
        return sendTimeout;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
