package com.engagementledger.benchmark;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 2. A SEV1 incident opened outside the overlap window without a runbook, at a steady rate of 25 % of the append
 * maximum: command accepted (201) → its row in scorecard's read model → the alert
 * {@code incident.outside-overlap-without-runbook} in notification's database; against a raw Kafka produce → consume
 * round trip on the same broker at the same rate, measured alone before the probes (the target's comparison) and
 * again beside them.
 */
final class EndToEndSection {
    static final String RULE = "incident.outside-overlap-without-runbook";
    /** The byte after a raw message's send time: 1 when its round trip is timed (after the warm-up). */
    private static final byte TIMED = 1;
    private final Benchmark b;

    EndToEndSection(Benchmark b) {
        this.b = b;
    }

    /**
     * One incident command (System.nanoTime of its 201, then of its rows' commits); a warm-up probe is waited for like
     * the others, but its latencies are not recorded.
     */
    static final class Probe {
        final long accepted;
        final boolean timed;
        long visible;
        long alerted;

        Probe(long accepted, boolean timed) {
            this.accepted = accepted;
            this.timed = timed;
        }
    }

    void run() throws Exception {
        double rate = !Double.isNaN(b.options.e2eRate) ? b.options.e2eRate
                : Double.isNaN(b.appendMax) ? 10 : Math.max(1, b.appendMax * 0.25);
        int seconds = b.options.e2eSeconds;
        int warmUp = b.options.e2eWarmUpSeconds;
        b.table.note("end-to-end rate: " + Table.f(rate, "/s") + (Double.isNaN(b.options.e2eRate)
                ? " (25 % of the append maximum " + Table.f(b.appendMax, "/s") + ")" : " (--e2e-rate)") + " for "
                + seconds + " s after an unrecorded warm-up (both sides, see below); latencies are measured from the"
                + " 201 of the command to the moment the benchmark learns that the row is committed in the consumer's"
                + " database (LISTEN/NOTIFY from a trigger the benchmark adds for the section), as the raw consumer"
                + " stamps a message when it receives it");

        // start from a steady state: the append section's events must not queue in front of the probes
        double backlog = b.awaitConsumers("append backlog", b.options.catchUp());
        b.table.note("end-to-end: consumers needed " + Table.f(backlog, "s") + " to drain the append section's "
                + "backlog before the probes started");
        b.table.note("end-to-end: the raw round trip's producer lingers " + publisherLingerMs()
                + " ms, as the publisher does (LEDGER_KAFKA_LINGER)");
        Stats rawStats = rawKafka(rate, new AtomicLong(System.nanoTime() + warmUp * 1_000_000_000L), seconds);

        // engagements whose overlap window (UTC) does not contain the current hour, so every incident is outside it
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int start = (hour + 6) % 24;
        if (start > 21) {
            start -= 12;
        }
        String overlapStart = String.format("%02d:00", start);
        String overlapEnd = String.format("%02d:00", start + 2);
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Http.Answer a = b.http.post(b.engagement().baseUrl() + "/engagements", b.lead,
                    AppendSection.Mix.openBody("e2e-" + i, "UTC", overlapStart, overlapEnd));
            if (!a.ok()) {
                throw new IllegalStateException("open e2e engagement: " + a.status() + " " + a.body());
            }
            engagements.add(a.id());
        }

        // where the time goes: the probes' events as a plain consumer of the topic sees them (the first hop)
        Map<String, Long> onTopic = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = watchTopic(onTopic, watching);

        // every probe accepted, and when each one's row committed in either consumer's database (a row may commit
        // before its 201 is read here, so the listeners note every id and the probes are matched at the end)
        Map<String, Probe> pending = new ConcurrentHashMap<>();
        List<Map.Entry<String, Probe>> probes = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        Map<String, Long> alertedAt = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        List<Thread> listeners = List.of(listen(VISIBLE, visibleAt, listening), listen(ALERTED, alertedAt, listening));

        ExecutorService senders = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        long period = (long) (1_000_000_000L / rate);
        // the first probes run code the append mix never does (the rule that raises this alert, its outbox and
        // stream): they are timed only once the warm-up below has set this instant (System.nanoTime)
        AtomicLong timedFrom = new AtomicLong(Long.MAX_VALUE);
        // the same raw round trip again, in the very seconds the probes are timed: a stall of the machine (seen in
        // one side's 30 s and not the other's: run A2's raw p99 190 ms) then falls on both. It runs through the
        // probes' warm-up too, so the JIT the warm-up waits for has compiled its code as well: started after the
        // warm-up, in runs B3 and B4 its Kafka clients were still being compiled (C2, up to 300 ms a method) in
        // the timed part, in the seconds of the slowest alerts (BENCHMARKS.md)
        FutureTask<Stats> rawBeside = new FutureTask<>(() -> rawKafka(rate, timedFrom, seconds));
        Benchmark.thread(rawBeside);
        ticker.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            senders.execute(() -> {
                boolean timed = System.nanoTime() >= timedFrom.get();
                String engagement = engagements.get(n % engagements.size());
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                Http.Answer a = b.http.post(b.engagement().baseUrl() + "/engagements/" + engagement + "/incidents",
                        b.lead, AppendSection.body("severity", "SEV1", "service", "checkout-api", "title",
                                "Checkout down at night", "detectedAt", now.minusSeconds(5).toString()));
                long accepted = System.nanoTime();
                if (a.ok()) {
                    // the warm-up's probes are waited for too: the machine carries the same load before and during
                    // the timed part
                    Probe probe = new Probe(accepted, timed);
                    pending.put(a.id(), probe);
                    if (timed) {
                        probes.add(Map.entry(a.id(), probe));
                    }
                } else {
                    b.table.error("e2e incident: " + a.status() + " " + AppendSection.abbreviate(a.body()));
                }
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        String warmedUp;
        try {
            warmedUp = warmUp(warmUp);
        } catch (Exception e) {
            timedFrom.set(System.nanoTime() - seconds * 1_000_000_000L); // ends the raw round trip beside
            ticker.shutdownNow();
            listening.set(false);
            for (Committed committed : List.of(VISIBLE, ALERTED)) {
                committed.drop(b); // the sections after this one must not pay for the triggers
            }
            throw e;
        }
        b.table.note("end-to-end: the probes' warm-up (and the raw round trip's beside them): " + warmedUp);
        Autovacuum autovacuum = Autovacuum.counted(b);
        Instant begunAt = Instant.now();
        long begun = System.nanoTime();
        timedFrom.set(begun);
        Thread.sleep(seconds * 1000L);
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !(visibleAt.keySet().containsAll(pending.keySet())
                && alertedAt.keySet().containsAll(pending.keySet()))) {
            Thread.sleep(50);
        }
        listening.set(false);
        for (Thread listener : listeners) {
            listener.join();
        }
        for (Committed committed : List.of(VISIBLE, ALERTED)) {
            committed.drop(b);
        }
        Stats visible = new Stats();
        Stats alerted = new Stats();
        pending.forEach((id, probe) -> {
            probe.visible = visibleAt.getOrDefault(id, 0L);
            probe.alerted = alertedAt.getOrDefault(id, 0L);
            if (probe.visible != 0 && probe.alerted != 0) {
                pending.remove(id);
            }
        });
        synchronized (probes) {
            for (Map.Entry<String, Probe> p : probes) {
                Probe probe = p.getValue();
                if (probe.visible != 0) visible.add(Math.max(0, probe.visible - probe.accepted));
                if (probe.alerted != 0) alerted.add(Math.max(0, probe.alerted - probe.accepted));
            }
        }
        watching.set(false);
        watcher.join();
        Stats published = new Stats();
        synchronized (probes) {
            for (Map.Entry<String, Probe> p : probes) {
                Long seen = onTopic.get(p.getKey());
                if (seen != null) published.add(Math.max(0, seen - p.getValue().accepted));
            }
        }
        if (!pending.isEmpty()) {
            b.table.error(pending.size() + " end-to-end probes were not visible/alerted within 60 s after the run");
        }
        b.table.note("end-to-end: the slowest alerts (seconds into the timed part (UTC): on the topic / read model /"
                + " alert, ms): " + slowest(probes, onTopic, begun));
        b.table.note("end-to-end: PostgreSQL's autovacuum from the start of the timed part (" + seconds + " s) to the"
                + " last alert, each table with when it finished, in seconds into the timed part: "
                + autovacuum.since(begunAt));
        double rawP50 = rawStats.percentileMillis(50);
        double rawP99 = rawStats.percentileMillis(99);
        b.table.add("2 end-to-end", "accepted → on the topic (a plain consumer) p50 / p99 (" + published.count()
                        + " probes): the first of the hops below", Table.f(published.percentileMillis(50), "ms") + " / "
                        + Table.f(published.percentileMillis(99), "ms"), Table.f(rawP50, "ms") + " / "
                        + Table.f(rawP99, "ms"), Table.ratio(published.percentileMillis(99), rawP99), "", "");
        b.table.add("2 end-to-end", "accepted → scorecard read model p50 (" + visible.count() + " probes)",
                Table.f(visible.percentileMillis(50), "ms"), Table.f(rawP50, "ms"),
                Table.ratio(visible.percentileMillis(50), rawP50), "", "");
        b.table.add("2 end-to-end", "accepted → scorecard read model p99", Table.f(visible.percentileMillis(99), "ms"),
                Table.f(rawP99, "ms"), Table.ratio(visible.percentileMillis(99), rawP99), "", "");
        b.table.add("2 end-to-end", "accepted → alert raised p50 (" + alerted.count() + " probes)",
                Table.f(alerted.percentileMillis(50), "ms"), Table.f(rawP50, "ms"),
                Table.ratio(alerted.percentileMillis(50), rawP50), "", "");
        double p99 = Math.max(visible.percentileMillis(99), alerted.percentileMillis(99));
        b.table.add("2 end-to-end", "accepted → alert raised p99", Table.f(alerted.percentileMillis(99), "ms"),
                Table.f(rawP99, "ms"), Table.ratio(alerted.percentileMillis(99), rawP99), "≤ 3× and < 250 ms",
                Table.yesNo(p99 <= 3 * rawP99 && p99 < 250));
        Stats beside = rawBeside.get();
        b.table.add("2 end-to-end", "accepted → alert raised p50 / p99 against the raw round trip measured in the same"
                        + " seconds (its messages beside the probes; not the target's comparison)",
                Table.f(alerted.percentileMillis(50), "ms") + " / " + Table.f(alerted.percentileMillis(99), "ms"),
                Table.f(beside.percentileMillis(50), "ms") + " / " + Table.f(beside.percentileMillis(99), "ms"),
                Table.ratio(alerted.percentileMillis(99), beside.percentileMillis(99)), "", "");
    }

    /**
     * Unrecorded probes until every JVM's JIT has settled: at least {@code warmUp} seconds, then slices of 10 s until
     * each service and the benchmark's own JVM (the broker, the probes' clients) compiled for less than
     * {@code --warm-up-jit} ms per second of the slice, at most {@code --e2e-warm-up-max-seconds} in all. The append
     * section's warm-up does not run the alert path, and a fixed 10 s left it compiling: in run A6 the compilers took
     * 540–730 ms of the machine's 2,000 per second in the three seconds that held the slowest alerts (BENCHMARKS.md).
     */
    private String warmUp(int atLeast) throws Exception {
        long start = System.nanoTime();
        Thread.sleep(atLeast * 1000L);
        // the probes run on the ticker meanwhile: a slice is a wait
        String last = JitSlice.loadUntilSettled("end-to-end warm-up", start, b.options.e2eWarmUpMaxSeconds, 10,
                b.options.warmUpJitMillisPerSecond, b::compilationMillisWithOwn,
                seconds -> Thread.sleep(seconds * 1000L));
        long took = Math.round((System.nanoTime() - start) / 1e9);
        return took + " s (at least " + atLeast + " s, then until every JVM's JIT compiled under "
                + Table.f(b.options.warmUpJitMillisPerSecond, "ms") + " per second, at most "
                + b.options.e2eWarmUpMaxSeconds + " s)" + last;
    }

    /**
     * The five probes alerted last after their command, each hop's latency beside it: is the tail one hop's? With the
     * wall-clock time of the command (UTC), to line a stall up with a GC log (--gc-log) or a database log.
     */
    private static String slowest(List<Map.Entry<String, Probe>> probes, Map<String, Long> onTopic, long start) {
        List<String> worst = new ArrayList<>();
        long nowNanos = System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        synchronized (probes) {
            probes.stream().filter(p -> p.getValue().alerted != 0)
                    .sorted(java.util.Comparator.comparingLong(
                            (Map.Entry<String, Probe> p) -> p.getValue().alerted - p.getValue().accepted).reversed())
                    .limit(5).forEach(p -> {
                        Probe probe = p.getValue();
                        Long seen = onTopic.get(p.getKey());
                        worst.add(Table.f((probe.accepted - start) / 1e9, "s") + " ("
                                + Table.utc(now.minusNanos(nowNanos - probe.accepted)) + "): "
                                + (seen == null ? "?" : Table.f((seen - probe.accepted) / 1e6, "")) + " / "
                                + (probe.visible == 0 ? "?" : Table.f((probe.visible - probe.accepted) / 1e6, ""))
                                + " / " + Table.f((probe.alerted - probe.accepted) / 1e6, ""));
                    });
        }
        return String.join("; ", worst);
    }

    /**
     * A row the section waits for in a consumer's database: a trigger the benchmark adds for the section notifies
     * the probe's id on {@code channel} when the row's transaction commits, i.e. when it becomes visible.
     */
    record Committed(String database, String table, String when, String idColumn, String channel) {
        void create(Benchmark b) throws SQLException {
            try (Connection c = b.db(database); Statement s = c.createStatement()) {
                s.execute("create or replace function " + channel + "() returns trigger language plpgsql as $$"
                        + " begin perform pg_notify('" + channel + "', new." + idColumn + "); return null; end $$");
                s.execute("drop trigger if exists " + channel + " on " + table);
                s.execute("create trigger " + channel + " after insert on " + table + " for each row"
                        + (when.isEmpty() ? "" : " when (" + when + ")") + " execute function " + channel + "()");
            }
        }

        void drop(Benchmark b) throws SQLException {
            try (Connection c = b.db(database); Statement s = c.createStatement()) {
                s.execute("drop trigger if exists " + channel + " on " + table);
                s.execute("drop function if exists " + channel + "()");
            }
        }
    }

    /** The probe's incident in scorecard's read model (a new incident is an insert; its id is the probe's key). */
    static final Committed VISIBLE = new Committed("ledger_scorecard", "incident", "", "incident_id",
            "bench_e2e_visible");
    /** The probe's alert in notification's database; its subject is the incident, the probe's key. */
    static final Committed ALERTED = new Committed("ledger_notification", "alert", "new.rule = '" + RULE + "'",
            "subject", "bench_e2e_alerted");

    /**
     * Learns of each probe's row the moment its transaction commits: LISTEN on a connection of its own, fed by the
     * trigger of {@link Committed}. The first instrument polled both databases every 5 ms: each row was seen up to
     * 5 ms late plus its query, about 3 ms on average, a delay the raw round trip (stamped on receipt) does not
     * carry; and the polls cost PostgreSQL CPU in the very seconds being measured (run A6, BENCHMARKS.md).
     */
    private Thread listen(Committed committed, Map<String, Long> committedAt, AtomicBoolean running)
            throws Exception {
        committed.create(b);
        Connection c = b.db(committed.database());
        try (Statement s = c.createStatement()) {
            s.execute("listen " + committed.channel());
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        return Benchmark.thread(() -> {
            try (c) {
                while (running.get()) {
                    PGNotification[] notifications = pg.getNotifications(100);
                    long now = System.nanoTime();
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            committedAt.putIfAbsent(n.getParameter(), now);
                        }
                    }
                }
            } catch (Exception e) {
                b.table.error("e2e listener on " + committed.database() + ": " + e);
            }
        });
    }

    /** Notes when each incident's event reaches engagement.events.v1, read as it is written (from the end). */
    private Thread watchTopic(Map<String, Long> onTopic, AtomicBoolean watching) {
        KafkaTools kafka = new KafkaTools(b.infra.kafka().bootstrapServers());
        KafkaConsumer<String, byte[]> consumer = kafka.consumer();
        consumer.assign(kafka.partitions(consumer, RebuildSection.TOPIC));
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        java.util.regex.Pattern incident = java.util.regex.Pattern.compile("\"incidentId\"\\s*:\\s*\"([^\"]+)\"");
        return Benchmark.thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        java.util.regex.Matcher m = incident.matcher(new String(r.value(),
                                java.nio.charset.StandardCharsets.UTF_8));
                        if (m.find()) onTopic.putIfAbsent(m.group(1), now);
                    }
                }
            }
        });
    }

    /** The linger the services' publisher runs with (LEDGER_KAFKA_LINGER, in milliseconds as "<n>ms"; else 5). */
    private int publisherLingerMs() {
        String linger = b.options.env.getOrDefault("LEDGER_KAFKA_LINGER", "5ms");
        if (!linger.matches("\\d+ms")) {
            throw new IllegalArgumentException("--env LEDGER_KAFKA_LINGER wants milliseconds, e.g. 1ms: " + linger);
        }
        return Integer.parseInt(linger.substring(0, linger.length() - 2));
    }

    /**
     * Produce at the same rate to a scratch topic (6 partitions, acks=all and the publisher's linger: 5 ms, or what
     * {@code --env LEDGER_KAFKA_LINGER=<n>ms} gives it), consume, time it; messages sent before {@code timedFrom}
     * (System.nanoTime, Long.MAX_VALUE until it is known) are not timed, like the probes of the same seconds on the
     * ledger's side, and it stops {@code seconds} after it.
     */
    private Stats rawKafka(double rate, AtomicLong timedFrom, int seconds) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID().toString().substring(0, 8);
        KafkaTools kafka = new KafkaTools(b.infra.kafka().bootstrapServers());
        kafka.createTopic(topic, 6);
        Stats stats = new Stats();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger received = new AtomicInteger();
        Thread consumerThread;
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer()) {
            consumer.assign(kafka.partitions(consumer, topic));
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            consumerThread = Benchmark.thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        ByteBuffer value = ByteBuffer.wrap(r.value());
                        long sentAt = value.getLong();
                        if (value.get() == TIMED) {
                            stats.add(System.nanoTime() - sentAt);
                        }
                        received.incrementAndGet();
                    }
                }
            });
            int sent;
            try (KafkaProducer<String, byte[]> producer = kafka.producer(publisherLingerMs())) {
                long period = (long) (1_000_000_000L / rate);
                long next = System.nanoTime();
                sent = 0;
                while (timedFrom.get() == Long.MAX_VALUE || next < timedFrom.get() + seconds * 1_000_000_000L) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] value = new byte[1024];
                    long now = System.nanoTime();
                    ByteBuffer.wrap(value).putLong(now).put(now >= timedFrom.get() ? TIMED : 0);
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                    sent++;
                    next += period;
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (received.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            running.set(false);
            consumerThread.join();
            if (received.get() < sent) {
                b.table.error("raw Kafka round trip: " + received.get() + " of " + sent + " received");
            }
        }
        return stats;
    }
}
