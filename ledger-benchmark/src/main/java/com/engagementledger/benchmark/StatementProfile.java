package com.engagementledger.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's own account of the statements one stretch of the run sent it, from {@code pg_stat_statements}
 * ({@code --pg-statements}): which statements, how often per command or request, and how much of the server's
 * executing and planning time each took. The CPU notes say how much PostgreSQL spends per command; this says on what.
 */
final class StatementProfile {
    /** Loaded at server start (the module hooks the executor); planning is tracked because the services plan often. */
    static final Map<String, String> SERVER_CONFIG = Map.of(
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track_planning", "on",
            "pg_stat_statements.max", "2000");
    private static final int QUERY_CHARACTERS = 160;

    private final Benchmark b;

    private StatementProfile(Benchmark b) {
        this.b = b;
    }

    /** The view reports the statements of every database; one database needs the extension to read it. */
    static StatementProfile install(Benchmark b) {
        StatementProfile profile = new StatementProfile(b);
        profile.execute("create extension if not exists pg_stat_statements");
        return profile;
    }

    void reset() {
        execute("select pg_stat_statements_reset()");
    }

    /**
     * The {@code top} statements by executing plus planning time since the last {@link #reset()}, each with its
     * database, calls per unit, mean time and share, and the total over all statements per unit.
     */
    String top(int top, long units, String unit) {
        String sql = """
                select d.datname, s.calls, s.total_exec_time + s.total_plan_time as millis, s.total_plan_time,
                       s.query,
                       sum(s.total_exec_time + s.total_plan_time) over () as all_millis,
                       sum(s.calls) over () as all_calls
                  from pg_stat_statements s join pg_database d on d.oid = s.dbid
                 where s.query not like '%pg_stat_statements%'
                 order by millis desc""";
        List<String> lines = new ArrayList<>();
        double allMillis = 0;
        long allCalls = 0;
        int statements = 0;
        try (Connection c = b.db("ledger_engagement"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                statements++;
                allMillis = rs.getDouble("all_millis");
                allCalls = rs.getLong("all_calls");
                if (statements > top) {
                    continue;
                }
                long calls = rs.getLong("calls");
                double millis = rs.getDouble("millis");
                lines.add(String.format(Locale.ROOT,
                        "%d) %s, %.2f calls per %s, %.3f ms each (planning %.3f), %.0f %%: `%s`", statements,
                        rs.getString("datname").replace("ledger_", ""), (double) calls / units, unit, millis / calls,
                        rs.getDouble("total_plan_time") / calls, 100 * millis / Math.max(allMillis, 1e-9),
                        shorten(rs.getString("query"))));
            }
        } catch (SQLException e) {
            return "pg_stat_statements could not be read: " + e.getMessage();
        }
        return String.format(Locale.ROOT, "%d statements, %.2f calls and %.3f ms of executing and planning per %s "
                        + "(%d %ss); the top %d: ", statements, (double) allCalls / units, allMillis / units, unit,
                units, unit, Math.min(top, statements)) + String.join(" · ", lines);
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").replace('`', '\'').trim();
        return oneLine.length() <= QUERY_CHARACTERS ? oneLine : oneLine.substring(0, QUERY_CHARACTERS) + "…";
    }

    private void execute(String sql) {
        try (Connection c = b.db("ledger_engagement"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
