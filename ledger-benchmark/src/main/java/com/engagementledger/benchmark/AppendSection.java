package com.engagementledger.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * 1. REST commands at each {@code --clients} level (each client opens an engagement, then proposes a decision and
 * accepts it, over and over) against raw single-row INSERT-and-commit of ~1 KB over JDBC at the same concurrency.
 */
final class AppendSection {
    private final Benchmark b;
    private final Stack s;

    AppendSection(Benchmark b) {
        this.b = b;
        this.s = b.stack;
    }

    record Result(double perSecond, Histogram latencies) {
    }

    void run() throws Exception {
        try (Connection c = s.ownDatabase()) {
            c.createStatement().execute("create table raw_insert (id bigserial primary key, "
                    + "created_at timestamptz not null default now(), payload text not null)");
        }
        drive(8, b.options.warmUpSeconds, false);
        for (int clients : b.options.clients) {
            Result raw = drive(clients, b.options.appendSeconds, true);
            Result ledger = drive(clients, b.options.appendSeconds, false);
            boolean eight = clients == 8;
            b.appendRate = eight || Double.isNaN(b.appendRate) ? ledger.perSecond() : b.appendRate;
            double p99 = millis(ledger.latencies(), 99);
            double rawP99 = millis(raw.latencies(), 99);
            b.table.add("1 append", clients + " clients: commands/s", Table.f(ledger.perSecond(), "/s"),
                    Table.f(raw.perSecond(), "inserts/s"), Table.ratio(ledger.perSecond(), raw.perSecond()),
                    eight ? "≥ 0.30" : "", eight ? Table.met(ledger.perSecond(), raw.perSecond(),
                            ledger.perSecond() >= 0.3 * raw.perSecond()) : "");
            b.table.add("1 append", clients + " clients: p50 / p99 (ratio of the p99s)", p50p99(ledger.latencies()),
                    p50p99(raw.latencies()), Table.ratio(p99, rawP99), eight ? "p99 < 4×" : "",
                    eight ? Table.met(p99, rawP99, p99 < 4 * rawP99) : "");
        }
    }

    static double millis(Histogram latencies, double percentile) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1e6;
    }

    static String p50p99(Histogram latencies) {
        return Table.f(millis(latencies, 50), "") + " / " + Table.f(millis(latencies, 99), "ms");
    }

    /** {@code clients} threads, each with a connection or an engagement of its own, stepping for {@code seconds}. */
    private Result drive(int clients, int seconds, boolean raw) throws InterruptedException {
        Histogram latencies = new ConcurrentHistogram(3);
        long start = System.nanoTime();
        b.parallel(clients, i -> {
            try (Connection c = raw ? s.ownDatabase() : null) {
                PreparedStatement insert = raw ? c.prepareStatement("insert into raw_insert (payload) values (?)")
                        : null;
                Commands commands = raw ? null : new Commands();
                // at least one step each, so that a level shorter than one answer still measures something
                do {
                    long t0 = System.nanoTime();
                    if (raw) {
                        insert.setString(1, "x".repeat(1000));
                        insert.executeUpdate();
                    } else {
                        commands.step();
                    }
                    latencies.recordValue(System.nanoTime() - t0);
                } while (System.nanoTime() < start + TimeUnit.SECONDS.toNanos(seconds));
            }
        });
        return new Result(latencies.getTotalCount() / ((System.nanoTime() - start) / 1e9), latencies);
    }

    /** Its own engagement, then a decision proposed and accepted, again and again. */
    private final class Commands {
        private final String decisions = s.url("engagement-service") + "/engagements/" + s.http.post(
                s.url("engagement-service") + "/engagements", s.lead, openBody("bench", "Europe/Berlin", "09:00",
                        "13:00")).id() + "/decisions";
        private String proposed;

        void step() {
            Http.Answer a = (proposed == null ? s.http.post(decisions, s.lead, decisionBody())
                    : s.http.post(decisions + "/" + proposed + "/acceptance", s.lead, null)).orFail("append");
            proposed = proposed == null ? a.id() : null;
        }
    }

    static Map<String, Object> openBody(String name, String zone, String overlapStart, String overlapEnd) {
        return Http.body("name", name, "clientName", "Acme Retail", "partnerName", "Nearshore Labs",
                "model", "DEDICATED_TEAM", "managementStructure", "SHARED", "contractType", "TIME_AND_MATERIALS",
                "clientTimeZone", zone, "partnerTimeZone", "Asia/Kolkata", "overlapStart", overlapStart,
                "overlapEnd", overlapEnd, "coveragePattern", "HALF_DAY_OVERLAP", "startDate",
                LocalDate.now().toString());
    }

    static Map<String, Object> decisionBody() {
        return Http.body("title", "Adopt contract tests for the payment API", "category", "API_CONTRACT",
                "context", "Two consumers broke on the last release because the response shape changed.",
                "decision", "Every provider change runs the consumers' contract tests before it merges.",
                "consequences", "Slower merges on the provider side; fewer production surprises.",
                "alternatives", List.of("manual review", "versioned endpoints only"), "reversibility", "REVERSIBLE");
    }
}
