package com.engagementledger.engagement.audit;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The audit reads are scoped to one engagement, and engagements differ in size by orders of magnitude: one of
 * 100,000 work items sits beside hundreds of small ones. After five executions of a statement on a connection
 * pgjdbc prepares it on the server, and PostgreSQL may then switch to a generic plan, chosen without the
 * parameters' values. For these queries that plan walks the whole table in primary-key order and filters on the
 * engagement (measured on 19,500 events: a history page 52 ms against 0.1 ms, an asOf 23.5 against 0.14 ms, and
 * growing with the table). A statement that is never prepared on the server is planned with its values each time.
 * asOf's replay was reshaped until its generic plan is its custom one, and keeps that instead ({@link ReplayPool}).
 */
final class CustomPlans {
    private CustomPlans() {
    }

    /** A JdbcTemplate whose statements PostgreSQL plans with their parameters' values, every time. */
    static JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        };
    }
}
