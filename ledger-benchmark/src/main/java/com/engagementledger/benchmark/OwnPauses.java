package com.engagementledger.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The GC pauses of this JVM, which hosts the Kafka broker, the load clients and the end-to-end probes: a pause here
 * stalls the topic hop and the measurement of every hop at once, so the table shows them beside the services' own.
 */
final class OwnPauses {
    /** Pauses at least this long are listed with their time, to line them up with the slowest end-to-end probes. */
    private static final long LISTED_MILLIS = 50;
    private static final String NOTIFICATION = GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION;

    private long count;
    private long totalMillis;
    private long maxMillis;
    private final List<String> listed = new ArrayList<>();

    static OwnPauses start() {
        OwnPauses pauses = new OwnPauses();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (NOTIFICATION.equals(notification.getType())) {
                        CompositeData data = (CompositeData) notification.getUserData();
                        pauses.record(GarbageCollectionNotificationInfo.from(data));
                    }
                }, null, null);
            }
        }
        return pauses;
    }

    private synchronized void record(GarbageCollectionNotificationInfo info) {
        // a concurrent cycle's bean reports its whole duration, not a pause
        if (info.getGcName().contains("Concurrent")) {
            return;
        }
        long millis = info.getGcInfo().getDuration();
        count++;
        totalMillis += millis;
        maxMillis = Math.max(maxMillis, millis);
        if (millis >= LISTED_MILLIS) {
            listed.add(Table.utc(Instant.now().minusMillis(millis)) + " " + millis + " ms (" + info.getGcAction()
                    + ")");
        }
    }

    /** The names of this JVM's collectors, e.g. "G1 Young Generation + G1 Old Generation". */
    static String collectors() {
        return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    synchronized long count() {
        return count;
    }

    synchronized double totalSeconds() {
        return totalMillis / 1000.0;
    }

    synchronized long maxMillis() {
        return maxMillis;
    }

    /** The pauses of at least 50 ms, with about the UTC time each began (the notification comes a little later). */
    synchronized String listed() {
        return listed.isEmpty() ? "none" : String.join(", ", listed);
    }
}
