package com.engagementledger.benchmark;

import com.engagementledger.contract.LedgerCloudEvents;
import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * 2. A SEV1 incident opened outside its engagement's overlap window without a runbook, at a steady rate: from the
 * command's 201 to the alert {@code incident.outside-overlap-without-runbook} arriving on governance.alerts.v1, as
 * any subscriber of that topic sees it; against a raw Kafka produce → consume round trip at the same rate on the
 * same broker, measured alone just before. Both run {@code --warm-up-seconds} untimed first.
 */
final class EndToEndSection {
    private static final String RULE = "incident.outside-overlap-without-runbook";
    private final Benchmark b;
    private final Stack s;
    private final double rate;
    private final long warmUpNanos;

    EndToEndSection(Benchmark b) {
        this.b = b;
        this.s = b.stack;
        this.rate = !Double.isNaN(b.options.e2eRate) ? b.options.e2eRate
                : Double.isNaN(b.appendRate) ? 10 : Math.max(1, b.appendRate / 4);
        this.warmUpNanos = TimeUnit.SECONDS.toNanos(b.options.warmUpSeconds);
    }

    void run() throws Exception {
        // the append section's events must not queue in front of the probes
        b.meters.awaitConsumers("append backlog", b.options.catchUp, b.table);
        Histogram raw = roundTrips();
        // an overlap window (UTC) that excludes the next hours, so that every incident starts outside it; four
        // engagements, so that the probes spread over partitions as a real load's engagements do
        int start = (Instant.now().atZone(ZoneOffset.UTC).getHour() + 6) % 20;
        String engagements = s.url("engagement-service") + "/engagements";
        List<String> incidents = IntStream.range(0, 4).mapToObj(i -> engagements + "/" + s.http.post(engagements,
                s.lead, AppendSection.openBody("e2e-" + i, "UTC", String.format("%02d:00", start),
                        String.format("%02d:00", start + 2))).orFail("open").id() + "/incidents").toList();

        Map<String, Long> alerted = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = Kafka.tail(s.bootstrap(), LedgerCloudEvents.ALERTS_TOPIC, watching, b.table, (r, at) -> {
            JsonNode alert = Http.JSON.readTree(r.value());
            if (RULE.equals(alert.path("rule").asText())) {
                alerted.putIfAbsent(alert.path("subject").asText(), at);
            }
        });
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        long timedFrom = System.nanoTime() + warmUpNanos;
        // a probe runs beside the ones before it: a slow answer must not hold the next probe back
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(16);
        AtomicInteger sent = new AtomicInteger();
        senders.scheduleAtFixedRate(() -> senders.execute(() -> {
            Http.Answer a = s.http.post(incidents.get(sent.getAndIncrement() % incidents.size()), s.lead,
                    Http.body("severity", "SEV1", "service", "checkout-api", "title", "Checkout down at night",
                            "detectedAt", Instant.now().minusSeconds(5).toString()));
            if (a.ok()) {
                accepted.put(a.id(), System.nanoTime());
            } else {
                b.table.error("end-to-end incident answered " + a);
            }
        }), 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        TimeUnit.NANOSECONDS.sleep(timedFrom + TimeUnit.SECONDS.toNanos(b.options.e2eSeconds) - System.nanoTime());
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!alerted.keySet().containsAll(accepted.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watching.set(false);
        watcher.join();
        Histogram latencies = new ConcurrentHistogram(3);
        accepted.forEach((id, at) -> {
            if (!alerted.containsKey(id)) {
                b.table.error("probe " + id + " raised no alert within 60 s after the run");
            } else if (at >= timedFrom) {
                latencies.recordValue(Math.max(0, alerted.get(id) - at));
            }
        });
        double p99 = AppendSection.millis(latencies, 99);
        double rawP99 = AppendSection.millis(raw, 99);
        b.table.add("2 end-to-end", "accepted → alert on " + LedgerCloudEvents.ALERTS_TOPIC + ": p50 / p99 ("
                        + latencies.getTotalCount() + " probes at " + Table.f(rate, "/s") + "; raw round trips)",
                AppendSection.p50p99(latencies), AppendSection.p50p99(raw), Table.ratio(p99, rawP99),
                "p99 ≤ 3× and < 250 ms", Table.met(p99, rawP99, p99 <= 3 * rawP99 && p99 < 250));
    }

    /** Messages of 1 KB carrying their send time, at the probes' rate to a scratch topic; the timed ones' trips. */
    private Histogram roundTrips() throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID();
        Kafka.createTopic(s.bootstrap(), topic);
        Histogram trips = new ConcurrentHistogram(3);
        AtomicLong received = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = Kafka.tail(s.bootstrap(), topic, running, b.table, (r, at) -> {
            ByteBuffer value = ByteBuffer.wrap(r.value());
            long sentAt = value.getLong();
            if (value.get() == 1) {
                trips.recordValue(at - sentAt);
            }
            received.incrementAndGet();
        });
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(s.bootstrap())) {
            long timedFrom = System.nanoTime() + warmUpNanos;
            long end = timedFrom + TimeUnit.SECONDS.toNanos(b.options.e2eSeconds);
            for (long next = System.nanoTime(); next < end; next += (long) (1e9 / rate), sent++) {
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
                long now = System.nanoTime();
                byte[] value = new byte[1024];
                ByteBuffer.wrap(value).putLong(now).put((byte) (now >= timedFrom ? 1 : 0));
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        running.set(false);
        reader.join();
        if (received.get() < sent) {
            b.table.error("raw Kafka round trip: " + received.get() + " of " + sent + " received");
        }
        return trips;
    }
}
