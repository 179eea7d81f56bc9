package com.engagementledger.engagement.decision;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The supersession policy: a successor taking effect supersedes the older decision in the same transaction. */
class SupersessionTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void accepting_a_successor_supersedes_the_older_decision_by_the_same_person_in_the_same_command() {
        Api anna = api(TestTokens.lead("lead-anna"));
        String base = "/engagements/" + anna.post("/engagements", Scenario.engagement("Supersession")).id();
        String older = anna.post(base + "/decisions", Scenario.decision("Postgres", "DATA_MODEL", "REVERSIBLE")).id();
        anna.post(base + "/decisions/" + older + "/acceptance", Map.of());
        Map<String, Object> successorBody = Scenario.decision("Postgres 16", "DATA_MODEL", "REVERSIBLE");
        successorBody.put("supersedes", older);
        String successor = anna.post(base + "/decisions", successorBody).id();

        assertThat(anna.post(base + "/decisions/" + successor + "/acceptance", Map.of()).status()).isEqualTo(200);

        var olderView = anna.get(base + "/decisions/" + older).json();
        assertThat(olderView.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(olderView.get("supersededBy").asText()).isEqualTo(successor);
        assertThat(olderView.get("superseded").get("by").asText()).isEqualTo("lead-anna");
        assertThat(olderView.get("reason").asText()).isEqualTo("superseded by \"Postgres 16\"");
        // one command, one trace: the supersession was caused by the acceptance (Axon's traceId names the root)
        assertThat(jdbc.sql("""
                        select count(distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'traceId')
                        from domain_event_entry
                        where (aggregate_identifier = ? and sequence_number = 2)
                           or (aggregate_identifier = ? and sequence_number = 1)""")
                .params(older, successor).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_older_decision_no_longer_in_effect_is_left_as_it_is() {
        Api anna = api(TestTokens.lead("lead-anna"));
        String base = "/engagements/" + anna.post("/engagements", Scenario.engagement("Supersession 2")).id();
        String older = anna.post(base + "/decisions", Scenario.decision("Queue", "INFRASTRUCTURE", "REVERSIBLE")).id();
        anna.post(base + "/decisions/" + older + "/acceptance", Map.of());
        Map<String, Object> successorBody = Scenario.decision("Queue v2", "INFRASTRUCTURE", "REVERSIBLE");
        successorBody.put("supersedes", older);
        String successor = anna.post(base + "/decisions", successorBody).id();
        anna.post(base + "/decisions/" + older + "/reversal", Map.of("reason", "did not work"));

        assertThat(anna.post(base + "/decisions/" + successor + "/acceptance", Map.of()).status()).isEqualTo(200);

        assertThat(anna.get(base + "/decisions/" + older).json().get("status").asText()).isEqualTo("REVERSED");
        assertThat(anna.get(base + "/decisions/" + successor).json().get("status").asText()).isEqualTo("IN_EFFECT");
    }
}
