package com.engagementledger.engagement.engagement;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementApiTest extends IntegrationTest {

    @Test
    void an_opened_engagement_is_read_back_with_its_terms_and_an_empty_ownership_matrix() {
        Api lead = api(TestTokens.lead("lead-anna"));
        Api.Response opened = lead.post("/engagements", Scenario.engagement("Checkout"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.header("Location")).endsWith("/engagements/" + opened.id());
        assertThat(opened.header("ETag")).isEqualTo("\"0\"");

        Api.Response read = lead.get("/engagements/" + opened.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Checkout");
        assertThat(read.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(read.json().get("openedBy").asText()).isEqualTo("lead-anna");
        assertThat(read.json().get("ownership").size()).isEqualTo(12);
        assertThat(read.json().get("ownership").get("PRIORITIES").isNull()).isTrue();
    }

    @Test
    void ownership_is_assigned_reassigned_and_revoked_with_who_and_why() {
        Api lead = api(TestTokens.lead("lead-ben"));
        String id = lead.post("/engagements", Scenario.engagement("Ownership")).id();
        Api.Response assigned = lead.post("/engagements/" + id + "/ownership/ON_CALL",
                Map.of("ownerId", "ravi", "ownerName", "Ravi", "ownerSide", "PARTNER", "reason", "partner runs nights"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("version").asLong()).isEqualTo(1);
        lead.post("/engagements/" + id + "/ownership/ON_CALL",
                Map.of("ownerId", "mia", "ownerSide", "CLIENT", "reason", "incident review moved it in-house"));
        Api.Response matrix = lead.get("/engagements/" + id + "/ownership");
        assertThat(matrix.json().get("ON_CALL").get("ownerId").asText()).isEqualTo("mia");
        assertThat(matrix.json().get("ON_CALL").get("changedBy").asText()).isEqualTo("lead-ben");
        assertThat(matrix.json().get("ON_CALL").get("reason").asText()).isEqualTo("incident review moved it in-house");

        Api.Response revoked = lead.post("/engagements/" + id + "/ownership/ON_CALL/revocation", Map.of("reason", "left"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(lead.get("/engagements/" + id + "/ownership").json().get("ON_CALL").isNull()).isTrue();
    }
}
