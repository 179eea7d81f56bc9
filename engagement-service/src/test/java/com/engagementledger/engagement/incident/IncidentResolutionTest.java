package com.engagementledger.engagement.incident;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An incident resolved straight from acknowledged, as incident tools do, counts as mitigated at its resolution. */
class IncidentResolutionTest extends IntegrationTest {

    @Test
    void an_incident_resolved_without_mitigation_shows_it_mitigated_at_resolution() {
        Api lead = api(TestTokens.lead("lead-anna"));
        Api partner = api(TestTokens.partner("partner-ravi"));
        String e = lead.post("/engagements", Scenario.engagement("Resolved directly")).id();
        String incident = lead.post("/engagements/" + e + "/incidents", Map.of("severity", "SEV2",
                "service", "checkout", "title", "payments time out", "detectedAt", "2026-09-01T01:00:00Z")).id();
        String path = "/engagements/" + e + "/incidents/" + incident;
        assertThat(partner.post(path + "/acknowledgement", Map.of("acknowledgedAt", "2026-09-01T01:20:00Z"))
                .status()).isEqualTo(200);

        Api.Response resolved = partner.post(path + "/resolution", Map.of("resolvedAt", "2026-09-01T03:00:00Z",
                "rootCause", "pool exhausted"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        JsonNode view = lead.get(path).json();
        assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(Instant.parse(view.get("mitigatedAt").asText())).isEqualTo(Instant.parse("2026-09-01T03:00:00Z"));
        assertThat(Instant.parse(view.get("resolvedAt").asText())).isEqualTo(Instant.parse("2026-09-01T03:00:00Z"));
        assertThat(view.path("mitigation").asText(null)).as("no mitigation summary was recorded").isNull();
    }
}
