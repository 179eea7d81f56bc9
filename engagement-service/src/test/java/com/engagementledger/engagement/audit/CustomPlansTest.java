package com.engagementledger.engagement.audit;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit reads' statements are never prepared on the server, so PostgreSQL never gives them a generic plan; a
 * plain JdbcTemplate on the same connection is the control (pgjdbc prepares a statement on its fifth execution).
 */
class CustomPlansTest {
    private static final String QUERY = "select count(*) from pg_class where relname = ? /* custom-plans-test */";
    private static final String PREPARED = "select count(*) from pg_prepared_statements where statement like ?";

    @Test
    void audit_statements_are_planned_with_their_values_every_time() {
        String url = LedgerInfrastructure.shared().postgres().jdbcUrl("postgres");
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD, true);
        try {
            JdbcTemplate plain = new JdbcTemplate(connection);
            JdbcTemplate custom = CustomPlans.jdbcTemplate(connection);
            for (int i = 0; i < 10; i++) {
                custom.queryForObject(QUERY + " /* custom */", Long.class, "engagement_event");
            }
            for (int i = 0; i < 10; i++) {
                plain.queryForObject(QUERY + " /* plain */", Long.class, "engagement_event");
            }
            assertThat(plain.queryForObject(PREPARED, Long.class, "%custom-plans-test */ /* custom */%")).isZero();
            assertThat(plain.queryForObject(PREPARED, Long.class, "%custom-plans-test */ /* plain */%")).isOne();
        } finally {
            connection.destroy();
        }
    }
}
