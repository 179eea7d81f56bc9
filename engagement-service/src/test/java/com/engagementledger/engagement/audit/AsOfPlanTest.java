package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engagement that grew after the last ANALYZE is estimated at one row; asOf must still read only the families
 * it replays (engagement_event_by_family), not walk every event of the engagement, and read the store by the
 * positions found, not join it. The events are inserted in a transaction that is rolled back, so the statistics cannot
 * know them and nothing stays behind.
 */
class AsOfPlanTest extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

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
                String plan = String.join("\n", jdbc.queryForList("explain " + AsOfReplay.sql(families),
                        String.class, params));
                assertThat(plan).as(plan).contains("engagement_event_by_family")
                        .doesNotContain("engagement_event_by_engagement").doesNotContain("Seq Scan on engagement_event")
                        // the store is read by the positions found, never joined: where one engagement held most
                        // events, the join was planned as a hash join over the whole store
                        .doesNotContain("Join").doesNotContain("Nested Loop");
            }
        });
    }
}
