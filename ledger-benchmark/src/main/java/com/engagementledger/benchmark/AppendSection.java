package com.engagementledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1. REST commands on a realistic mix at 1, 8 and 32 clients, against raw single-row INSERT-and-commit of ~1 KB rows
 * on the same PostgreSQL server at the same concurrency.
 */
final class AppendSection {
    static final String[] AREAS = {"DECISION_APPROVAL", "ESCALATION", "DEFINITION_OF_DONE", "INFRASTRUCTURE_AS_CODE",
            "DEPLOY_PIPELINE", "MONITORING", "ON_CALL", "DATA_MODEL", "API_CONTRACTS"};
    static final String PAYLOAD = "x".repeat(1000);

    private final Benchmark b;

    AppendSection(Benchmark b) {
        this.b = b;
    }

    record Result(double perSecond, double p50, double p99, long errors, long count, String cpu) {
    }

    void run() throws Exception {
        try (Connection c = b.db("ledger_engagement"); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_raw_insert (id bigserial primary key, client int not null, "
                    + "created_at timestamptz not null default now(), payload text not null)");
        }
        // what the stack costs at rest (pollers, schedulers, the broker), for reading the per-command figures below
        int idleSeconds = b.options.quick ? 1 : 10;
        CpuUse idle0 = CpuUse.now(b);
        Thread.sleep(idleSeconds * 1000L);
        b.table.note("idle before the append section (just started: the JIT is still compiling), CPU per second of "
                + "wall time: "
                + CpuUse.now(b).perSecond(idle0, idleSeconds));
        String warmUp = warmUp();
        double max = 0;
        List<String> cpuNotes = new ArrayList<>();
        List<String> jitNotes = new ArrayList<>();
        for (int clients : b.options.clients) {
            Result raw = raw(clients, b.options.appendSeconds);
            if (b.statements != null) {
                b.statements.reset();
            }
            Map<String, Double> compiling = b.compilationMillis();
            Result ledger = ledger(clients, b.options.appendSeconds);
            jitNotes.add(clients + " clients: " + b.compilationSince(compiling, ledger.count(), "command"));
            if (b.statements != null) {
                b.table.note("append, " + clients + " clients, PostgreSQL's statements (pg_stat_statements, all "
                        + "three databases, the consumers' work included): "
                        + b.statements.top(12, ledger.count(), "command"));
            }
            max = Math.max(max, ledger.perSecond());
            cpuNotes.add(clients + " clients: " + ledger.cpu() + "; raw insert: " + raw.cpu());
            boolean eight = clients == 8;
            double tputRatio = ledger.perSecond() / raw.perSecond();
            double p99Ratio = ledger.p99() / raw.p99();
            b.table.add("1 append", clients + " clients: commands/s", Table.f(ledger.perSecond(), "/s"),
                    Table.f(raw.perSecond(), "inserts/s"), Table.ratio(ledger.perSecond(), raw.perSecond()),
                    eight ? "≥ 0.30" : "", eight ? Table.yesNo(tputRatio >= 0.30) : "");
            b.table.add("1 append", clients + " clients: p50", Table.f(ledger.p50(), "ms"), Table.f(raw.p50(), "ms"),
                    Table.ratio(ledger.p50(), raw.p50()), "", "");
            b.table.add("1 append", clients + " clients: p99", Table.f(ledger.p99(), "ms"), Table.f(raw.p99(), "ms"),
                    Table.ratio(ledger.p99(), raw.p99()), eight ? "< 4×" : "", eight ? Table.yesNo(p99Ratio < 4) : "");
        }
        b.appendMax = max;
        b.table.note("append: the raw insert row is ~1 KB text into a bigserial table, autocommit, one prepared "
                + "statement; the ledger's warm-up before the first level: " + warmUp);
        b.table.note("append, CPU (user + system, from /proc) per accepted command or raw insert, by process, "
                + "including the consumers' work on the events the level produced while it ran: "
                + String.join("; ", cpuNotes));
        // a service whose JIT still compiles spends that CPU beside the commands: after 150 s of load its compiler
        // threads still took 28 % of engagement-service's CPU (async-profiler)
        b.table.note("append, the services' JIT compilers during each level (jvm.compilation.time: the compiler "
                + "threads' time, which on a busy machine includes waiting for a core): "
                + String.join("; ", jitNotes));
    }

    /**
     * Unrecorded load at 8 clients until the services' JIT has settled: at least {@code --warm-up-seconds}, then
     * slices of 15 s until every service compiled for less than {@code --warm-up-jit} ms per second of the slice, at
     * most {@code --warm-up-max-seconds} in all. A fixed 120 s measured a JIT still at work: after 150 s of load
     * async-profiler put 28 % of engagement-service's CPU in its compiler threads, and its C2 queue drained only
     * after about 8 minutes; 96 commands/s at 7.6 ms of its CPU each after 120 s, 153 /s at 3.5 ms after 480 s
     * (BENCHMARKS.md, runs S3, T1, T3, U).
     */
    private String warmUp() throws Exception {
        long start = System.nanoTime();
        ledger(8, b.options.warmUpSeconds);
        String last = JitSlice.loadUntilSettled("warm-up", start, b.options.warmUpMaxSeconds, 15,
                b.options.warmUpJitMillisPerSecond, b::compilationMillis, seconds -> ledger(8, seconds));
        long took = Math.round((System.nanoTime() - start) / 1e9);
        return took + " s at 8 clients (at least " + b.options.warmUpSeconds + " s, then until every service's JIT "
                + "compiled under " + Table.f(b.options.warmUpJitMillisPerSecond, "ms") + " per second, at most "
                + b.options.warmUpMaxSeconds + " s)" + last;
    }

    Result raw(int clients, int seconds) throws Exception {
        List<Stats> stats = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < clients; i++) {
            Stats st = new Stats();
            stats.add(st);
            int client = i;
            threads.add(Benchmark.thread(() -> {
                try (Connection c = b.db("ledger_engagement");
                     PreparedStatement ps = c.prepareStatement(
                             "insert into bench_raw_insert (client, payload) values (?, ?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        ps.setInt(1, client);
                        ps.setString(2, PAYLOAD);
                        ps.executeUpdate();
                        st.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    b.table.error("raw insert: " + e);
                }
            }));
        }
        return collect(threads, stats, errors, "insert");
    }

    Result ledger(int clients, int seconds) throws Exception {
        List<Stats> stats = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < clients; i++) {
            Stats st = new Stats();
            stats.add(st);
            threads.add(Benchmark.thread(() -> {
                Mix mix = new Mix(b);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String failure = mix.next();
                    if (failure == null) {
                        st.add(System.nanoTime() - t0);
                    } else {
                        errors.incrementAndGet();
                        b.table.error("append: " + failure);
                        mix.reset();
                    }
                }
            }));
        }
        return collect(threads, stats, errors, "command");
    }

    /** Waits for the clients of a level and sums up their latencies, rate and CPU per unit of work. */
    private Result collect(List<Thread> threads, List<Stats> stats, AtomicLong errors, String unit)
            throws InterruptedException {
        long t0 = System.nanoTime();
        CpuUse cpu0 = CpuUse.now(b);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Stats all = new Stats();
        stats.forEach(all::addAll);
        return new Result(all.count() / elapsed, all.percentileMillis(50), all.percentileMillis(99), errors.get(),
                all.count(), CpuUse.now(b).perUnit(cpu0, all.count(), unit));
    }

    /** One client's commands, in an order that keeps each valid: a cycle of ten over its current engagement. */
    static final class Mix {
        private final Benchmark b;
        private final String base;
        private int step;
        private int area;
        private String engagement;
        private String decision;
        private String incident;
        private String workItem;

        Mix(Benchmark b) {
            this.b = b;
            this.base = b.engagement().baseUrl();
        }

        void reset() {
            step = 0;
        }

        /** Answers null when the command was accepted, else what went wrong. */
        String next() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String e = base + "/engagements/" + engagement;
            Http.Answer a = switch (step % 10) {
                case 0 -> b.http.post(base + "/engagements", b.lead, openBody("bench-" + ThreadLocalRandom.current()
                        .nextInt(1_000_000), "Europe/Berlin", "09:00", "13:00"));
                case 1 -> b.http.post(e + "/decisions", b.lead, body("title", "Adopt contract tests for the payment API",
                        "category", "API_CONTRACT", "context", "Two consumers broke on the last release because the "
                                + "response shape changed without notice; we need a guard that runs in CI.",
                        "decision", "Every provider change runs the consumers' contract tests before it merges.",
                        "consequences", "Slower merges on the provider side; fewer production surprises.",
                        "alternatives", List.of("manual review", "versioned endpoints only"),
                        "reversibility", "REVERSIBLE"));
                case 2 -> b.http.post(e + "/decisions/" + decision + "/acceptance", b.lead, null);
                case 3 -> b.http.post(e + "/ownership/" + AREAS[area++ % AREAS.length], b.lead, body("ownerId",
                        "ravi.k", "ownerName", "Ravi Kumar", "ownerSide", "PARTNER", "reason", "partner owns it now"));
                case 4 -> b.http.post(e + "/incidents", b.lead, body("severity", "SEV3", "service", "checkout-api",
                        "title", "Elevated 5xx on payment callbacks", "detectedAt", now.minusSeconds(60).toString(),
                        "runbookUrl", "https://runbooks.example.com/checkout/5xx"));
                case 5 -> b.http.post(e + "/incidents/" + incident + "/acknowledgement", b.partner,
                        body("acknowledgedAt", now.toString()));
                case 6 -> b.http.post(e + "/work-items", b.partner, body("title", "Refund flow: partial refunds",
                        "startedAt", now.minusSeconds(3600).toString()));
                case 7 -> b.http.post(e + "/work-items/" + workItem + "/delivery", b.partner,
                        body("deliveredAt", now.toString()));
                case 8 -> b.http.post(e + "/releases", b.lead, body("name", "2026." + step, "plannedFor",
                        LocalDate.now().plusDays(7).toString()));
                default -> b.http.post(e + "/defects", b.lead, body("stage", "BEFORE_RELEASE", "severity", "SEV3",
                        "foundAt", now.minusSeconds(60).toString(), "description", "rounding error in refund totals"));
            };
            if (!a.ok()) {
                return "step " + (step % 10) + " answered " + a.status() + ": " + abbreviate(a.body());
            }
            switch (step % 10) {
                case 0 -> engagement = a.id();
                case 1 -> decision = a.id();
                case 4 -> incident = a.id();
                case 6 -> workItem = a.id();
                default -> { }
            }
            step++;
            return null;
        }

        static Map<String, Object> openBody(String name, String zone, String overlapStart, String overlapEnd) {
            return body("name", name, "clientName", "Acme Retail", "partnerName", "Nearshore Labs",
                    "model", "DEDICATED_TEAM", "managementStructure", "SHARED", "contractType", "TIME_AND_MATERIALS",
                    "clientTimeZone", zone, "partnerTimeZone", "Asia/Kolkata", "overlapStart", overlapStart,
                    "overlapEnd", overlapEnd, "coveragePattern", "HALF_DAY_OVERLAP",
                    "startDate", LocalDate.now().toString());
        }
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
