package com.engagementledger.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL's autovacuum did to the ledger's databases while a section was timed, from
 * {@code pg_stat_user_tables}. While the tables are young they grow by a tenth within a minute, so each database gets
 * a round of ANALYZE about once a minute, and ANALYZE reads a sample of 30,000 rows of a table: 0.1–0.5 s of a core
 * each on this machine, about a second for engagement-service's tables together. Three stalls of runs B1–B7 came in
 * such a round (BENCHMARKS.md); this names the rounds in each run's own table.
 */
final class Autovacuum {
    private static final List<String> DATABASES = List.of("ledger_engagement", "ledger_scorecard",
            "ledger_notification");
    private static final String SQL = "select relname, autovacuum_count, autoanalyze_count, last_autovacuum,"
            + " last_autoanalyze from pg_stat_user_tables";

    private final Benchmark b;
    /** database.table → autovacuum and autoanalyze counts at the start. */
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    private Autovacuum(Benchmark b) {
        this.b = b;
    }

    /** The counts now, to compare with later. */
    static Autovacuum counted(Benchmark b) throws SQLException {
        Autovacuum a = new Autovacuum(b);
        for (String database : DATABASES) {
            a.read(database, (table, rs) -> a.counts.put(database + "." + table,
                    new long[] {rs.getLong(2), rs.getLong(3)}));
        }
        return a;
    }

    /**
     * Per database, each table vacuumed or analyzed since {@link #counted}, with when it last finished in seconds
     * after {@code from}; "none" for a database it left alone.
     */
    String since(Instant from) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String database : DATABASES) {
            List<String> tables = new ArrayList<>();
            read(database, (table, rs) -> {
                long[] before = counts.getOrDefault(database + "." + table, new long[2]);
                String vacuum = done("vacuum", rs.getLong(2) - before[0], rs.getTimestamp(4), from);
                String analyze = done("analyze", rs.getLong(3) - before[1], rs.getTimestamp(5), from);
                if (!vacuum.isEmpty() || !analyze.isEmpty()) {
                    tables.add(table + " " + String.join(" ", List.of(vacuum, analyze)).trim());
                }
            });
            parts.add(database.substring("ledger_".length()) + ": "
                    + (tables.isEmpty() ? "none" : String.join(", ", tables)));
        }
        return String.join("; ", parts);
    }

    private static String done(String what, long times, Timestamp last, Instant from) {
        if (times <= 0 || last == null) {
            return "";
        }
        String at = Table.f((last.toInstant().toEpochMilli() - from.toEpochMilli()) / 1000.0, "s");
        return what + (times > 1 ? " ×" + times + " (last " + at + ")" : " " + at);
    }

    private interface Row {
        void accept(String table, ResultSet rs) throws SQLException;
    }

    private void read(String database, Row row) throws SQLException {
        try (Connection c = b.db(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                row.accept(rs.getString(1), rs);
            }
        }
    }
}
