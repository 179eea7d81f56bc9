package com.engagementledger.system;

import com.engagementledger.system.support.Http;
import com.engagementledger.system.support.Ledger;
import com.engagementledger.system.support.SystemStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise: a direct UPDATE of a stored event's payload (tampering behind the API's back) is named by
 * {@code GET /engagements/{id}/verify} at its position, and does not stop the services: reads still answer and new
 * commands, including ones that load the tampered aggregate, are still accepted.
 */
@Order(6)
class TamperingTest {
    private final SystemStack stack = SystemStack.shared();
    private final Ledger ledger = new Ledger(stack, "tampering.lead");

    @Test
    void verify_names_a_changed_payload_and_the_services_keep_serving() {
        String engagement = ledger.open("Tamper Target");
        assertThat(ledger.rate(engagement, 4, 2).ok()).isTrue();

        long changed = ledger.count("ledger_engagement", "with t as (update domain_event_entry set payload = "
                + "convert_to(replace(convert_from(payload, 'UTF8'), 'Tamper Target', 'Tamper Targes'), 'UTF8') "
                + "where aggregate_identifier = ? and sequence_number = 0 returning 1) select count(*) from t",
                engagement);
        assertThat(changed).as("tampered rows").isEqualTo(1);
        long tamperedPosition = ledger.count("ledger_engagement", "select global_index from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", engagement);

        Http.Answer verdict = stack.engagementApi(stack.tokens().admin()).get("/engagements/" + engagement + "/verify");
        assertThat(verdict.status()).as("%s", verdict).isEqualTo(200);
        assertThat(verdict.json().get("valid").asBoolean()).isFalse();
        assertThat(verdict.json().get("firstBreak").get("kind").asText()).isEqualTo("CHANGED");
        assertThat(verdict.json().get("firstBreak").get("position").asLong()).isEqualTo(tamperedPosition);

        Http api = ledger.api();
        assertThat(api.get("/engagements/" + engagement).status()).isEqualTo(200);
        assertThat(api.get("/engagements").status()).isEqualTo(200);
        // loads the tampered Engagement aggregate from its events
        Http.Answer paused = api.post("/engagements/" + engagement + "/pause", Map.of("reason", "after tampering"));
        assertThat(paused.ok()).as("%s", paused).isTrue();
        Http.Answer resumed = api.post("/engagements/" + engagement + "/resume", Map.of("reason", "still serving"));
        assertThat(resumed.ok()).as("%s", resumed).isTrue();
        assertThat(ledger.rate(engagement, 5, 1).ok()).isTrue();
        assertThat(stack.scorecardApi().get("/scorecards/" + engagement).status()).isEqualTo(200);
        assertThat(stack.notificationApi().get("/alerts?engagementId=" + engagement).status()).isEqualTo(200);
        assertThat(stack.engagementApi(stack.tokens().admin()).get("/actuator/health").status()).isEqualTo(200);
    }
}
