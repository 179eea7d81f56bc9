package com.engagementledger.benchmark;

import com.engagementledger.contract.LedgerCloudEvents;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the services say about themselves on {@code /actuator/prometheus} (heap, events applied, publication lag),
 * beside the topics' own offsets: the benchmark reads none of the services' tables.
 */
final class Meters {
    private static final String DEAD_LETTERS = LedgerCloudEvents.EVENTS_TOPIC + ".dlt";
    private final Stack stack;
    private final Map<String, Double> peakHeapMb = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    Meters(Stack stack) {
        this.stack = stack;
        sampler.scheduleAtFixedRate(this::sampleHeap, 0, 2, TimeUnit.SECONDS);
    }

    /** The sum of the samples of {@code metric} whose labels contain {@code labels}; NaN when there is none. */
    private double scrape(String module, String metric, String labels) {
        return stack.http.get(stack.url(module) + "/actuator/prometheus", stack.admin, "text/plain")
                .orFail(module + " /actuator/prometheus").body().lines().filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .filter(l -> l.contains(labels)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' '))))
                .reduce(Double::sum).orElse(Double.NaN);
    }

    private void sampleHeap() {
        for (String module : Stack.SERVICES) {
            try {
                peakHeapMb.merge(module, scrape(module, "jvm_memory_used_bytes", "area=\"heap\"") / 1024 / 1024,
                        Math::max);
            } catch (RuntimeException e) {
                // a missed sample is no error: the next one comes in two seconds
            }
        }
    }

    /** Events on the topic, engagement-service's publication lag, the events each consumer applied, dead letters. */
    record Counts(long onTopic, double publicationLag, double scorecard, double notification, long deadLettered) {
        boolean caughtUp() {
            return publicationLag == 0 && scorecard == onTopic && notification == onTopic;
        }
    }

    /** Waits until engagement-service published all it stored and both consumers applied all of it. */
    Counts awaitConsumers(String why, Duration timeout, Table table) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Counts c;
        do {
            Thread.sleep(200);
            c = new Counts(Kafka.messages(stack.bootstrap(), LedgerCloudEvents.EVENTS_TOPIC),
                    scrape("engagement-service", "ledger_publication_lag_events", ""),
                    scrape("scorecard-service", "scorecard_events_applied_total", ""),
                    scrape("notification-service", "ledger_notification_events_applied_total", ""),
                    Kafka.messages(stack.bootstrap(), DEAD_LETTERS));
        } while (!c.caughtUp() && System.nanoTime() < deadline);
        if (!c.caughtUp()) {
            table.error("consumers did not catch up (" + why + ") within " + timeout.toSeconds() + " s: " + c);
        }
        return c;
    }

    /** Events stored and on the topic against those applied, and the dead letters; the services' peak heap. */
    void finalRows(Duration timeout, Table table) throws Exception {
        sampler.shutdownNow();
        sampleHeap();
        Counts c = awaitConsumers("final count", timeout, table);
        String onTopic = c.onTopic() + " on the topic";
        table.add("counts", "events stored by engagement-service, all published (publication lag "
                + Table.f(c.publicationLag(), "") + ")", Long.toString(c.onTopic()), "", "", "", "");
        table.add("counts", "applied by scorecard", Table.f(c.scorecard(), ""), onTopic,
                Table.ratio(c.scorecard(), c.onTopic()), "all", Table.met(0, 0, c.scorecard() == c.onTopic()));
        table.add("counts", "applied by notification", Table.f(c.notification(), ""), onTopic,
                Table.ratio(c.notification(), c.onTopic()), "all", Table.met(0, 0, c.notification() == c.onTopic()));
        table.add("counts", "dead-lettered (" + DEAD_LETTERS + ")", Long.toString(c.deadLettered()), "", "", "none",
                Table.met(0, 0, c.deadLettered() == 0));
        for (String module : Stack.SERVICES) {
            double peak = peakHeapMb.getOrDefault(module, Double.NaN);
            table.add("heap", module + ": peak heap used (sampled every 2 s)", Table.f(peak, "MB"), "512 MB (-Xmx)",
                    Table.ratio(peak, 512), "< 512 MB", Table.met(peak, 512, peak < 512));
        }
    }
}
