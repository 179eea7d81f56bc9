package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engagement that grew after the last ANALYZE is estimated at one row; asOf must still read only the families
 * it replays (engagement_event_by_family), not walk every event of the engagement, and read the store by the
 * positions found, not join it; the same holds for the generic plan that the replay pool keeps instead. The
 * events are inserted in a transaction that is rolled back, so the statistics cannot know them and nothing stays
 * behind.
 */
class AsOfPlanTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    @Qualifier(ReplayPool.NAME)
    DataSource replayPool;
    @Autowired
    MeterRegistry meters;

    @Test
    void as_of_reads_the_families_it_replays_even_for_an_engagement_the_statistics_do_not_know() {
        String engagement = "plan-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.execute("analyze engagement_event");
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // 5,000 work items and one opening: negative positions never meet the store's sequence
            jdbc.update("""
                    insert into engagement_event (global_index, engagement_id, event_identifier, aggregate_identifier,
                                                  sequence_number, event_type, recorded_at)
                    select -g - (extract(epoch from clock_timestamp()) * 1000)::bigint * 10000, ?, ? || g, ? || g, 0,
                           case when g = 1 then 'ledger.engagement.opened.v1'
                                else 'ledger.delivery.work-item-started.v1' end, ?
                    from generate_series(1, 5000) g""", engagement, engagement + "-event-", engagement + "-item-", now);
            for (int families = 1; families <= 2; families++) {
                Object[] params = new Object[families * 3];
                for (int f = 0; f < families; f++) {
                    params[f * 3] = engagement;
                    params[f * 3 + 1] = f == 0 ? "engagement" : "decision";
                    params[f * 3 + 2] = now;
                }
                assertPlanShape(String.join("\n", jdbc.queryForList("explain " + AsOfReplay.sql(families),
                        String.class, params)));
                assertPlanShape(genericPlan(families, engagement, now));
            }
        });
    }

    @Test
    void the_replay_pool_keeps_the_generic_plan_instead_of_planning_each_replay() throws SQLException {
        String engagement = "pool-" + UUID.randomUUID();
        try (Connection connection = replayPool.getConnection()) {
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement replay = connection.prepareStatement(AsOfReplay.sql(1))) {
                    replay.setString(1, engagement);
                    replay.setString(2, "engagement");
                    replay.setObject(3, OffsetDateTime.now());
                    try (ResultSet rows = replay.executeQuery()) {
                        assertThat(rows.next()).isFalse();
                    }
                }
            }
            try (PreparedStatement plans = connection.prepareStatement(
                    "select generic_plans, custom_plans from pg_prepared_statements where statement like ?")) {
                plans.setString(1, "%split_part(ee.event_type%");
                try (ResultSet counted = plans.executeQuery()) {
                    assertThat(counted.next()).as("the replay is prepared on the server").isTrue();
                    assertThat(counted.getLong("generic_plans")).isEqualTo(3);
                    assertThat(counted.getLong("custom_plans")).isZero();
                }
            }
        }
        // outside Spring Boot's pool metrics (not a default candidate), so the pool registers its own
        assertThat(meters.find("hikaricp.connections.max").tag("pool", "as-of-replay").gauge()).isNotNull();
    }

    private static void assertPlanShape(String plan) {
        assertThat(plan).as(plan).contains("engagement_event_by_family")
                .doesNotContain("engagement_event_by_engagement").doesNotContain("Seq Scan on engagement_event")
                // the store is read by the positions found, never joined: where one engagement held most
                // events, the join was planned as a hash join over the whole store
                .doesNotContain("Join").doesNotContain("Nested Loop");
    }

    /**
     * The plan the replay pool's sessions keep ({@link ReplayPool}): the statement prepared on the server with its
     * parameters, explained under {@code plan_cache_mode = force_generic_plan}.
     */
    private String genericPlan(int families, String engagement, Timestamp at) {
        String sql = AsOfReplay.sql(families);
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        String name = "as_of_generic_" + families;
        List<String> values = new ArrayList<>();
        for (int f = 0; f < families; f++) {
            values.addAll(List.of("'" + engagement + "'", f == 0 ? "'engagement'" : "'decision'",
                    "'" + at.toInstant() + "'"));
        }
        jdbc.execute("prepare " + name + "(text, text, timestamptz"
                + ", text, text, timestamptz".repeat(families - 1) + ") as " + numbered);
        try {
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            String plan = String.join("\n", jdbc.queryForList(
                    "explain execute " + name + "(" + String.join(", ", values) + ")", String.class));
            assertThat(plan).as("a generic plan has parameters, not values").contains("$1");
            return plan;
        } finally {
            jdbc.execute("deallocate " + name);
        }
    }
}
