package com.engagementledger.benchmark;

import org.HdrHistogram.Histogram;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * 3. The auditors' endpoints on engagements loaded through the API: the NDJSON export and {@code /verify} of one of
 * {@code --history-events} events, {@code ?asOf=} on one of {@code --asof-events}. The raw figures need no knowledge
 * of the services' schema: the exported lines written as rows of a table in the benchmark's own database and read
 * back by a streaming SELECT or by primary key, and a SHA-256 chain over the exported lines.
 */
final class HistorySection {
    private final Benchmark b;
    private final Stack s;
    private final String engagements;

    HistorySection(Benchmark b) {
        this.b = b;
        this.s = b.stack;
        this.engagements = s.url("engagement-service") + "/engagements";
    }

    void run() throws Exception {
        String history = b.engagementOf(b.options.historyEvents, "/work-items", () -> Http.body("title",
                "history item", "startedAt", Instant.now().minusSeconds(60).toString()));
        String asOf = b.engagementOf(b.options.asOfEvents, "/decisions", AppendSection::decisionBody);
        // read on a quiet stack, not beside consumers catching up
        b.meters.awaitConsumers("history load", b.options.catchUp, b.table);
        List<String> lines = new ArrayList<>();
        double export = best(() -> exportPass(history, lines.isEmpty() ? lines : new ArrayList<>()));
        store(lines);
        double raw = best(this::rawPass);
        b.table.add("3 history", "NDJSON export of " + lines.size() + " events (best of 3)",
                Table.f(export, "events/s"), Table.f(raw, "rows/s (streaming SELECT)"), Table.ratio(export, raw),
                "≥ 0.50", Table.met(export, raw, export >= 0.5 * raw));
        double verify = best(() -> {
            var verdict = s.http.get(engagements + "/" + history + "/verify", s.admin, "application/json").orFail("verify").json();
            if (!verdict.path("valid").asBoolean()) {
                b.table.error("verify found the chain of an untouched engagement broken: " + verdict);
            }
            return lines.size();
        });
        List<byte[]> bytes = lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
        double hash = best(() -> {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] previous = new byte[32];
            for (byte[] line : bytes) {
                sha.update(previous);
                previous = sha.digest(line);
            }
            return bytes.size();
        });
        b.table.add("3 history", "verify of the same engagement (best of 3)", Table.f(verify, "events/s"),
                Table.f(hash, "events/s (SHA-256 chain)"), Table.ratio(verify, hash), "≥ 0.50",
                Table.met(verify, hash, verify >= 0.5 * hash));
        asOf(asOf, lines.size());
    }

    /** The best of three passes, in units per second: the first also pays for compiling code nothing ran before. */
    private static double best(Callable<Number> units) throws Exception {
        double best = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            best = Math.max(best, units.call().doubleValue() / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    private long exportPass(String id, List<String> lines) {
        s.http.get(engagements + "/" + id + "/history", s.admin, "application/x-ndjson").orFail("history export")
                .body().lines().filter(line -> !line.isBlank()).forEach(lines::add);
        return lines.size();
    }

    /** The exported lines as rows of the benchmark's own table: the same count, the same sizes. */
    private void store(List<String> lines) throws Exception {
        try (Connection c = s.ownDatabase()) {
            c.createStatement().execute("create table raw_history (id bigint generated always as identity primary key,"
                    + " line text not null)");
            PreparedStatement insert = c.prepareStatement("insert into raw_history (line) select unnest(?::text[])");
            insert.setArray(1, c.createArrayOf("text", lines.toArray()));
            insert.execute();
            c.createStatement().execute("analyze raw_history");
        }
    }

    /** Every stored line by a streaming SELECT (fetch size 1000, in one transaction): rows read. */
    private long rawPass() throws Exception {
        try (Connection c = s.ownDatabase()) {
            c.setAutoCommit(false);
            PreparedStatement select = c.prepareStatement("select id, line from raw_history");
            select.setFetchSize(1000);
            long rows = 0;
            try (ResultSet rs = select.executeQuery()) {
                for (; rs.next(); rows++) {
                    rs.getLong(1);
                    rs.getString(2);
                }
            }
            c.commit();
            return rows;
        }
    }

    /** Reads of the asOf engagement, each the median of 20 after a warm-up, against a primary-key read. */
    private void asOf(String id, int rows) throws Exception {
        String at = "asOf=" + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        double engagement = median(() -> s.http.get(engagements + "/" + id + "?" + at, s.admin, "application/json"));
        double pk;
        try (Connection c = s.ownDatabase()) {
            PreparedStatement select = c.prepareStatement("select id, line from raw_history where id = ?");
            pk = median(() -> {
                select.setLong(1, 1 + ThreadLocalRandom.current().nextInt(rows));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new Http.Answer(200, rs.getString(2)) : new Http.Answer(404, "no row");
                }
            });
        }
        String raw = Table.f(pk, "ms (primary-key read)");
        int n = b.options.asOfEvents;
        b.table.add("3 history", "asOf: GET an engagement of " + n + " events (median of 20)",
                Table.f(engagement, "ms"), raw, Table.ratio(engagement, pk), "< 20×",
                Table.met(engagement, pk, engagement < 20 * pk));
    }

    /** Median milliseconds of 20 reads after a sixth of the warm-up. */
    private double median(Callable<Http.Answer> read) throws Exception {
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, b.options.warmUpSeconds / 6));
        Histogram times = new Histogram(3);
        while (times.getTotalCount() < 20) {
            long t0 = System.nanoTime();
            read.call().orFail("history read");
            if (t0 > warm) {
                times.recordValue(System.nanoTime() - t0);
            }
        }
        return AppendSection.millis(times, 50);
    }
}
