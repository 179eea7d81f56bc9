package com.engagementledger.benchmark;

import org.postgresql.PGStatement;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * 4. The audit endpoints: NDJSON export of an engagement of N events (time to first byte,
 * events/s) against a raw JDBC streaming SELECT of the same rows; asOf on an engagement of M events against a
 * single-row primary-key read; verify against raw SHA-256 over the same bytes. Each answers
 * {@code n/a (endpoint missing)} while the route answers 404/405.
 */
final class HistorySection {
    static final String MISSING = "n/a (endpoint missing)";
    private final Benchmark b;

    HistorySection(Benchmark b) {
        this.b = b;
    }

    void run() throws Exception {
        String base = b.engagement().baseUrl();
        Http.Answer probe = b.http.post(base + "/engagements", b.lead,
                AppendSection.Mix.openBody("history-probe", "Europe/Berlin", "09:00", "13:00"));
        if (!probe.ok()) {
            throw new IllegalStateException("open: " + probe.status() + " " + probe.body());
        }
        String probeId = probe.id();
        boolean history = exists(b.http.get(base + "/engagements/" + probeId + "/history", b.admin,
                "application/x-ndjson"));
        boolean verify = exists(b.http.get(base + "/engagements/" + probeId + "/verify", b.admin,
                "application/json"));
        // GET /engagements/{id} exists today and ignores unknown parameters: asOf is there when the API documents it
        Http.Answer docs = b.http.get(base + "/v3/api-docs", b.admin, "application/json");
        boolean asOf = docs.ok() && docs.body().contains("\"asOf\"")
                && exists(b.http.get(base + "/engagements/" + probeId + "?asOf=" + enc(Instant.now()), b.admin,
                "application/json"));

        String big = null;
        if (history || verify) {
            big = load(b.options.historyEvents, false);
        }
        if (history) {
            export(big);
        } else {
            b.table.add("4 history", "NDJSON export of " + b.options.historyEvents + " events: time to first byte",
                    MISSING, "", "", "", "n/a");
            b.table.add("4 history", "NDJSON export: events/s", MISSING, "", "", "≥ 0.50", "n/a");
        }
        if (asOf) {
            asOf(load(b.options.asOfEvents, true));
        } else {
            b.table.add("4 history", "asOf on " + b.options.asOfEvents + " events", MISSING, "", "", "< 20×", "n/a");
        }
        if (verify) {
            verify(big);
        } else {
            b.table.add("4 history", "verify of " + b.options.historyEvents + " events: events/s", MISSING, "", "",
                    "≥ 0.50", "n/a");
        }
    }

    private static boolean exists(Http.Answer a) {
        return a.status() != 404 && a.status() != 405;
    }

    private static String enc(Instant t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }

    /**
     * One engagement holding {@code events} events through the API, 32 clients. Each event starts a work item (or
     * proposes a decision), an aggregate of its own: commands racing on one aggregate may be answered 409 by design,
     * facts of separate aggregates of one engagement never are (its hash chain serializes them instead).
     */
    /** Events in the engagements loaded so far, by id: the commands answered 2xx plus the opening. */
    private final java.util.Map<String, Long> loaded = new java.util.HashMap<>();
    /** How long each read of {@link #asOfMedian} was warmed up, for the note. */
    private final List<String> warmUps = new ArrayList<>();

    private String load(int events, boolean decisions) throws Exception {
        String base = b.engagement().baseUrl();
        Http.Answer opened = b.http.post(base + "/engagements", b.lead,
                AppendSection.Mix.openBody("history-" + events, "Europe/Berlin", "09:00", "13:00"));
        String id = opened.id();
        AtomicInteger next = new AtomicInteger(1);
        AtomicLong failures = new AtomicLong();
        AtomicLong accepted = new AtomicLong(1);
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            threads.add(Benchmark.thread(() -> {
                while (next.getAndIncrement() < events) {
                    Http.Answer a = decisions
                            ? b.http.post(base + "/engagements/" + id + "/decisions", b.lead, AppendSection.body(
                                    "title", "Adopt contract tests", "category", "API_CONTRACT", "context",
                                    "Two consumers broke on the last release.", "decision",
                                    "Every provider change runs the consumers' contract tests.", "consequences",
                                    "Slower merges.", "alternatives", List.of("manual review"),
                                    "reversibility", "REVERSIBLE"))
                            : b.http.post(base + "/engagements/" + id + "/work-items", b.lead,
                                    AppendSection.body("title", "history item", "startedAt",
                                            Instant.now().minusSeconds(60).toString()));
                    if (a.ok()) {
                        accepted.incrementAndGet();
                    } else if (failures.getAndIncrement() < 5) {
                        b.table.error("history load: " + a.status() + " " + AppendSection.abbreviate(a.body()));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        b.table.note("history: loaded an engagement of " + accepted.get() + " events (" + (decisions ? "decisions"
                : "work items") + ", " + failures.get() + " commands refused) through the API (32 clients) in "
                + Table.f(seconds, "s") + " (" + Table.f(accepted.get() / seconds, "/s") + ")");
        loaded.put(id, accepted.get());
        // the reads below are measured on a quiet stack, not against the publisher and consumers catching up
        b.awaitConsumers("history load", b.options.catchUp());
        return id;
    }

    /**
     * The export and the raw read, three passes each: the first pass of each runs on code the JIT has not compiled
     * yet (an export is not on any path the warm-up exercised), so the ratio takes the best pass of each, and the
     * notes print every pass. The raw pass runs the export's own query (the engagement's index joined with the store
     * and the hash chain, whose links an NDJSON export carries so that it verifies offline) and reads every column.
     */
    private void export(String id) throws Exception {
        Pass[] ledger = new Pass[3];
        Pass[] raw = new Pass[3];
        for (int i = 0; i < 3; i++) {
            ledger[i] = exportPass(id);
            raw[i] = rawPass(id);
        }
        Pass bestLedger = best(ledger);
        Pass bestRaw = best(raw);
        b.table.note("history export passes (events/s, time to first byte): ledger " + passes(ledger) + "; raw JDBC "
                + passes(raw));
        b.table.add("4 history", "NDJSON export of " + bestLedger.rows + " events: time to first byte (best of 3)",
                Table.f(bestLedger.ttfb / 1e6, "ms"), Table.f(bestRaw.ttfb / 1e6, "ms") + " (" + bestRaw.rows
                        + " rows)", Table.ratio(bestLedger.ttfb, bestRaw.ttfb), "", "");
        double rate = bestLedger.rate();
        double rawRate = bestRaw.rate();
        b.table.add("4 history", "NDJSON export: events/s (best of 3)", Table.f(rate, "events/s"),
                Table.f(rawRate, "rows/s"), Table.ratio(rate, rawRate), "≥ 0.50", Table.yesNo(rate / rawRate >= 0.5));
    }

    /** One timed read: rows, time to the first byte or row, and the whole time, in nanoseconds. */
    private record Pass(long rows, long ttfb, long nanos) {
        double rate() {
            return rows / (nanos / 1e9);
        }
    }

    private static Pass best(Pass[] passes) {
        Pass best = passes[0];
        for (Pass p : passes) {
            if (p.rate() > best.rate()) best = p;
        }
        return best;
    }

    private static String passes(Pass[] passes) {
        List<String> parts = new ArrayList<>();
        for (Pass p : passes) {
            parts.add(Table.f(p.rate(), "") + " (" + Table.f(p.ttfb / 1e6, "ms") + ")");
        }
        return String.join(", ", parts);
    }

    private Pass exportPass(String id) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = b.http.stream(b.engagement().baseUrl() + "/engagements/" + id
                + "/history", b.admin, "application/x-ndjson");
        long ttfb = -1;
        long lines = 0;
        try (InputStream in = response.body()) {
            int first = in.read();
            ttfb = System.nanoTime() - t0;
            if (first >= 0) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                String line;
                lines = first == '\n' ? 0 : 1;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) lines++;
                }
            }
        }
        long nanos = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            b.table.error("history export answered " + response.statusCode());
        }
        return new Pass(lines, ttfb, nanos);
    }

    /** The export's query over JDBC, every column read. */
    private Pass rawPass(String id) throws Exception {
        return timedRead("select ee.global_index, ee.event_identifier,"
                + " ee.event_type, ee.aggregate_identifier, ee.sequence_number, ee.recorded_at,"
                + " d.global_index, d.event_identifier, d.aggregate_identifier, d.sequence_number,"
                + " d.payload_type, d.time_stamp, d.meta_data, d.payload, c.chain_seq, c.prev_hash, c.hash"
                + " from engagement_event ee"
                + " left join domain_event_entry d on d.global_index = ee.global_index"
                + " left join event_chain c on c.global_index = ee.global_index"
                + " where ee.engagement_id = ? and ee.global_index > 0 order by ee.global_index", null, id);
    }

    /** What a raw read does with each row besides reading every column. */
    private interface RowSink {
        void accept(ResultSet rs) throws Exception;
    }

    /**
     * One raw read of {@code sql} for engagement {@code id} (fetch size 1000, every column read, then {@code sink}),
     * in a transaction. The connection is opened before the clock starts, as the service's pool holds its
     * connections open.
     */
    private Pass timedRead(String sql, RowSink sink, Object... params) throws Exception {
        long ttfb = -1;
        long rows = 0;
        try (Connection c = b.db("ledger_engagement")) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        if (rows++ == 0) ttfb = System.nanoTime() - t0;
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        if (sink != null) sink.accept(rs);
                    }
                }
            }
            c.commit();
            return new Pass(rows, ttfb, System.nanoTime() - t0);
        }
    }

    /**
     * Two reads of the same engagement of N decisions: the engagement itself (its own stream is one event, the
     * replay reads only the event types that make up an engagement) and the decisions list, which folds all N.
     */
    private void asOf(String id) throws Exception {
        Instant instant = Instant.now();
        String at = enc(instant);
        String base = b.engagement().baseUrl() + "/engagements/" + id;
        double currentThroughHttpClient = asOfMedian(base, false, "GET the current view through the HttpClient",
                false);
        double current = asOfMedian(base, true, "GET the engagement's current view", true);
        double engagement = asOfMedian(base + "?asOf=" + at, true, "asOf engagement", true);
        double decisions = asOfMedian(base + "/decisions?size=1&asOf=" + at, true, "asOf decisions list", true);
        if (Double.isNaN(currentThroughHttpClient) || Double.isNaN(current) || Double.isNaN(engagement)
                || Double.isNaN(decisions)) {
            return;
        }
        Stats raw = new Stats();
        int rawWarmUpSeconds = b.options.quick ? 1 : 5;
        try (Connection c = b.db("ledger_engagement");
             PreparedStatement ps = c.prepareStatement("select * from domain_event_entry where global_index = ?")) {
            long max = b.count("ledger_engagement", "select max(global_index) from domain_event_entry");
            // warmed like the reads it stands beside, so that neither side is measured on half-compiled code
            long warmUntil = System.nanoTime() + rawWarmUpSeconds * 1_000_000_000L;
            for (int i = 0; i < 180; ) {
                long t0 = System.nanoTime();
                ps.setLong(1, 1 + (long) (Math.random() * max));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rs.getBytes("payload");
                }
                if (t0 >= warmUntil) {
                    raw.add(System.nanoTime() - t0);
                    i++;
                }
            }
        }
        b.table.note("asOf reads: warmed up (" + (b.options.quick ? "1 s" : "at least 10 s, then until"
                + " engagement-service's JIT compiled under " + Table.f(b.options.warmUpJitMillisPerSecond, "ms")
                + " per second, at most 60 s") + "): " + String.join(", ", warmUps) + "; the primary-key read "
                + rawWarmUpSeconds + " s, then 180 measured");
        double r = raw.percentileMillis(50);
        long n = loaded.getOrDefault(id, (long) b.options.asOfEvents);
        b.table.add("4 history", "GET the same engagement's current view through the JDK HttpClient (as every other"
                        + " request of this benchmark)", Table.f(currentThroughHttpClient, "ms"), Table.f(r, "ms")
                        + " (PK read, JDBC)", Table.ratio(currentThroughHttpClient, r), "", "");
        b.table.add("4 history", "GET the same engagement's current view (no asOf; median of 20 after a warm-up;"
                        + " this and the asOf rows through a blocking HttpURLConnection): the service's floor for any"
                        + " read", Table.f(current, "ms"), Table.f(r, "ms")
                        + " (PK read, JDBC)", Table.ratio(current, r), "", "");
        b.table.add("4 history", "asOf engagement of " + n + " events (all but its opening are decisions): GET the"
                        + " engagement (median of 20)",
                Table.f(engagement, "ms"), Table.f(r, "ms") + " (PK read, JDBC)", Table.ratio(engagement, r),
                "< 20×", Table.yesNo(engagement / r < 20));
        // what of the asOf is the database's: the replay's own query, on its generic plan as the service's is
        Timestamp timestamp = Timestamp.from(instant);
        double query = replayQueryMedian(id, timestamp);
        b.table.add("4 history", "asOf engagement against its replay's own query over JDBC (median of 20, on its"
                        + " generic plan as the service's)", Table.f(engagement, "ms"), Table.f(query, "ms")
                        + " (query)", Table.ratio(engagement, query), "", "");
        b.table.note("asOf engagement: the replay query's plan with its values (the service's generic plan has the"
                + " same shape, AsOfPlanTest) at the measurement: "
                + String.join(" / ", replayPlan(id, timestamp)));
        b.table.add("4 history", "asOf same engagement: GET its decisions, " + (n - 1) + " folded (median of 20)",
                Table.f(decisions, "ms"), Table.f(r, "ms") + " (PK read, JDBC)", Table.ratio(decisions, r),
                "< 20×", Table.yesNo(decisions / r < 20));
        // a list as of an instant folds every event of its family by design (the past is rebuilt from the events,
        // never from stored views): what bounds it is reading those rows, so set it beside that read too
        double read = rawFoldRead(id, timestamp);
        b.table.add("4 history", "asOf decisions list against reading its " + (n - 1) + " rows over JDBC (the"
                        + " replay's query, best of 3)", Table.f(decisions, "ms"), Table.f(read, "ms") + " (rows read)",
                Table.ratio(decisions, read), "", "");
    }

    /**
     * The asOf replay's query as engagement-service runs it (AsOfReplay.sql): one index scan per event family, the
     * positions read from the store by primary key, in global order. Parameters per family: engagement id, family,
     * instant.
     */
    static String replayQuery(int families) {
        String branch = "select ee.global_index from engagement_event ee where ee.engagement_id = ?"
                + " and split_part(ee.event_type, '.', 2) = ? and ee.recorded_at <= ?";
        return "select d.payload_type, d.payload_revision, d.payload, d.meta_data, d.event_identifier,"
                + " d.sequence_number, d.time_stamp from domain_event_entry d where d.global_index = any(array("
                + String.join(" union all ", Collections.nCopies(families, branch)) + ")) order by d.global_index";
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static Object[] replayParams(String id, Timestamp at, String... families) {
        List<Object> params = new ArrayList<>();
        for (String family : families) {
            params.addAll(List.of(id, family, at));
        }
        return params.toArray();
    }

    /** The engagement family's replay query, 20 warm-up and 20 measured runs on one connection: median, ms. */
    private double replayQueryMedian(String id, Timestamp at) throws Exception {
        Stats stats = new Stats();
        Object[] params = replayParams(id, at, "engagement");
        try (Connection c = b.db("ledger_engagement");
             PreparedStatement ps = c.prepareStatement(replayQuery(1))) {
            // as the service's replay pool does: prepared on the server at once, and its generic plan kept
            try (Statement set = c.createStatement()) {
                set.execute("set plan_cache_mode = force_generic_plan");
            }
            ps.unwrap(PGStatement.class).setPrepareThreshold(1);
            bind(ps, params);
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rs.getBytes(3);
                }
                if (i >= 20) stats.add(System.nanoTime() - t0);
            }
        }
        return stats.percentileMillis(50);
    }

    /** EXPLAIN ANALYZE of the engagement family's replay query, one line per plan node. */
    private List<String> replayPlan(String id, Timestamp at) throws Exception {
        Object[] params = replayParams(id, at, "engagement");
        List<String> plan = new ArrayList<>();
        try (Connection c = b.db("ledger_engagement");
             PreparedStatement ps = c.prepareStatement("explain (analyze, timing off) " + replayQuery(1))) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.add(rs.getString(1).strip());
            }
        }
        return plan;
    }

    /** The asOf replay's query for the engagement and decision families, every column read: milliseconds. */
    private double rawFoldRead(String id, Timestamp at) throws Exception {
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            best = Math.min(best, timedRead(replayQuery(2), null,
                    replayParams(id, at, "engagement", "decision")).nanos() / 1e6);
        }
        return best;
    }

    /**
     * Median of 20 answers after a warm-up: nothing before this section runs these endpoints, and an unwarmed read
     * answered in 13 ms where the warmed one takes 2 (the JIT compiles the request path meanwhile; the CPU profile of
     * a cold GET showed 29 % of the service's CPU in its compiler threads). The warm-up reads for 10 s, then in 5 s
     * slices until engagement-service's JIT compiles under {@code --warm-up-jit} ms per second, for at most 60 s. It
     * once stopped at 500 requests, about a second of asOf reads; warmed like this, the current view took 0.56 ms
     * instead of 0.86-1.04 and asOf 1.09-1.38 instead of 2.34-2.68 (BENCHMARKS.md, runs Z1, Z2). NaN (and an error
     * row) when the endpoint fails. Blocking: through {@link Http#getBlocking}, which like the raw JDBC read it
     * stands beside waits on its own socket; else through the JDK HttpClient. With {@code --pg-statements} and
     * {@code profile}, a note on the statements the 20 recorded requests ran, named by {@code name}.
     */
    private double asOfMedian(String url, boolean blocking, String name, boolean profile) {
        Supplier<Http.Answer> read = blocking
                ? () -> b.http.getBlocking(url, b.admin, "application/json")
                : () -> b.http.get(url, b.admin, "application/json");
        if (!warmUp(read, name)) {
            return Double.NaN;
        }
        boolean profiled = profile && b.statements != null;
        if (profiled) {
            b.statements.reset();
        }
        Stats ledger = new Stats();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            Http.Answer a = read.get();
            ledger.add(System.nanoTime() - t0);
            if (!answered(a)) {
                return Double.NaN;
            }
        }
        if (profiled) {
            b.table.note(name + ", PostgreSQL's statements (pg_stat_statements, the consumers' polling included): "
                    + b.statements.top(6, 20, "request"));
        }
        return ledger.percentileMillis(50);
    }

    /** The warm-up of {@link #asOfMedian}; false when a read failed. */
    private boolean warmUp(Supplier<Http.Answer> read, String name) {
        long start = System.nanoTime();
        long sliceStart = start;
        long sliceEnd = start + (b.options.quick ? 1 : 10) * 1_000_000_000L;
        Double before = b.options.quick ? null : b.compilationMillis().get("engagement-service");
        while (true) {
            while (System.nanoTime() < sliceEnd) {
                if (!answered(read.get())) {
                    return false;
                }
            }
            long now = System.nanoTime();
            if (before == null || before.isNaN() || now - start >= 60_000_000_000L) {
                break;
            }
            Double after = b.compilationMillis().get("engagement-service");
            if ((after - before) / ((now - sliceStart) / 1e9) < b.options.warmUpJitMillisPerSecond) {
                break;
            }
            before = after;
            sliceStart = now;
            sliceEnd = now + 5_000_000_000L;
        }
        warmUps.add(name + " " + Math.round((System.nanoTime() - start) / 1e9) + " s");
        return true;
    }

    private boolean answered(Http.Answer a) {
        if (!a.ok()) {
            b.table.error("read answered " + a.status() + " " + AppendSection.abbreviate(a.body()));
        }
        return a.ok();
    }

    /**
     * Verify, three passes (the first runs code nothing before had compiled), against two raw figures: the issue's
     * SHA-256 chain over the same bytes already in memory, and reading the rows verify reads (its own query: the
     * chain joined with the store, in chain order) over JDBC and hashing them, which is what any verifier must do.
     */
    private void verify(String id) throws Exception {
        double seconds = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = System.nanoTime();
            Http.Answer a = b.http.get(b.engagement().baseUrl() + "/engagements/" + id + "/verify", b.admin,
                    "application/json");
            seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
            if (!a.ok()) {
                b.table.error("verify answered " + a.status() + " " + AppendSection.abbreviate(a.body()));
                return;
            }
        }
        List<byte[]> bytes = new ArrayList<>();
        double readSeconds = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            bytes.clear();
            readSeconds = Math.min(readSeconds, readChain(id, bytes));
        }
        long events = bytes.size() / 2;
        // the best of three passes: the first one also pays for the JIT
        double hashSeconds = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long r0 = System.nanoTime();
            byte[] previous = new byte[32];
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < bytes.size(); i += 2) {
                sha.update(previous);
                sha.update(bytes.get(i));
                sha.update(bytes.get(i + 1));
                previous = sha.digest();
            }
            hashSeconds = Math.min(hashSeconds, (System.nanoTime() - r0) / 1e9);
        }
        double rate = events / seconds;
        double rawRate = events / hashSeconds;
        double readAndHash = events / (readSeconds + hashSeconds);
        b.table.add("4 history", "verify of " + events + " events: events/s (best of 3)", Table.f(rate, "events/s"),
                Table.f(rawRate, "events/s (SHA-256 chain)"), Table.ratio(rate, rawRate), "≥ 0.50",
                Table.yesNo(rate / rawRate >= 0.5));
        b.table.add("4 history", "verify against reading its rows over JDBC and hashing them (best of 3 each)",
                Table.f(rate, "events/s"), Table.f(readAndHash, "events/s (read + SHA-256)"),
                Table.ratio(rate, readAndHash), "", "");
    }

    /** Verify's query over JDBC, every column read, payload and metadata kept: seconds. */
    private double readChain(String id, List<byte[]> bytes) throws Exception {
        return timedRead("select c.chain_seq, c.global_index,"
                + " c.event_identifier, c.prev_hash, c.hash, d.global_index, d.event_identifier,"
                + " d.payload_type, d.aggregate_identifier, d.sequence_number, d.time_stamp, d.meta_data,"
                + " d.payload from event_chain c left join domain_event_entry d on d.global_index = c.global_index"
                + " where c.engagement_id = ? order by c.chain_seq", rs -> {
                    byte[] meta = rs.getBytes(12);
                    byte[] payload = rs.getBytes(13);
                    bytes.add(payload == null ? new byte[0] : payload);
                    bytes.add(meta == null ? new byte[0] : meta);
                }, id).nanos() / 1e9;
    }
}
