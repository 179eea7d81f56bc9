package com.engagementledger.engagement.api;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.EngagementId;
import com.engagementledger.engagement.engagement.EngagementCommands.PauseEngagement;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A view that cannot be updated fails its command: the event store and the views never disagree. */
class ViewConsistencyTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void a_failing_view_update_rolls_the_command_back() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Consistent")).id();
        // a view document the fold cannot read stands in for any failure of a view update outside SQL
        String good = jdbc.sql("select state::text from resource_view where kind = 'engagement' and id = ?")
                .param(id).query(String.class).single();
        jdbc.sql("update resource_view set state = '{\"ownership\": \"not a map\"}' where kind = 'engagement' and id = ?")
                .param(id).update();
        try {
            // straight to the command bus, past the controller's own read of the view
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> commands.sendAndWait(
                    new PauseEngagement(new EngagementId(id), null, "budget", new Actor("lead-anna", "Anna", Side.CLIENT),
                            BusinessTime.of(null, Clock.systemUTC())))))
                    .isNotNull();
        } finally {
            jdbc.sql("update resource_view set state = cast(? as jsonb) where kind = 'engagement' and id = ?")
                    .params(good, id).update();
        }
        long events = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(id).query(Long.class).single();
        assertThat(events).as("the pause was not stored").isEqualTo(1);
        assertThat(lead.get("/engagements/" + id).json().get("status").asText()).isEqualTo("ACTIVE");
    }
}
