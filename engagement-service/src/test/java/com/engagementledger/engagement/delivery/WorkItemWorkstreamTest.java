package com.engagementledger.engagement.delivery;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A work item's workstreamId names a workstream of the same engagement, or the work item is not started. */
class WorkItemWorkstreamTest extends IntegrationTest {

    private static Map<String, Object> workItem(String workstreamId) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Refunds", "startedAt", "2026-09-01T09:00:00Z"));
        if (workstreamId != null) {
            body.put("workstreamId", workstreamId);
        }
        return body;
    }

    private static String workstream(Api lead, String engagement) {
        Api.Response created = lead.post("/engagements/" + engagement + "/workstreams", Map.of("name", "Checkout",
                "workType", "WELL_DEFINED_FEATURE", "confirmedConditions",
                List.of("SPECS_AND_ACCEPTANCE_CRITERIA", "REACHABLE_PRODUCT_OWNER")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    @Test
    void a_workstream_of_another_engagement_or_none_at_all_is_404_naming_the_field() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String a = lead.post("/engagements", Scenario.engagement("Alpha")).id();
        String b = lead.post("/engagements", Scenario.engagement("Bravo")).id();
        String ofB = workstream(lead, b);

        for (String wrong : List.of(ofB, "no-such-workstream")) {
            Api.Response response = lead.post("/engagements/" + a + "/work-items", workItem(wrong));
            assertThat(response.status()).as(wrong).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("rule").asText()).isEqualTo("resource.not-found");
            assertThat(response.json().get("field").asText()).isEqualTo("workstreamId");
        }
        assertThat(lead.get("/engagements/" + a + "/work-items").json().get("items").size()).isZero();
    }

    @Test
    void a_workstream_of_the_same_engagement_or_none_is_accepted() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String a = lead.post("/engagements", Scenario.engagement("Alpha")).id();
        String ofA = workstream(lead, a);

        Api.Response in = lead.post("/engagements/" + a + "/work-items", workItem(ofA));
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(lead.get("/engagements/" + a + "/work-items/" + in.id()).json().get("workstreamId").asText())
                .isEqualTo(ofA);
        assertThat(lead.post("/engagements/" + a + "/work-items", workItem(null)).status()).isEqualTo(201);
    }
}
