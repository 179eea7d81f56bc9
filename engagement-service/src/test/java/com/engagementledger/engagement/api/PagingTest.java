package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static com.engagementledger.testsupport.PageAssert.assertPageEnvelope;
import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request floods: nobody can ask for everything at once. Page sizes above {@code ledger.api.max-page-size} (200) are
 * answered with a page of at most 200, the history's {@code limit} above 1000 with at most 1000; a size below 1 or a
 * negative page is a 400 Problem Details naming the parameter.
 */
class PagingTest extends IntegrationTest {
    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_HISTORY_LIMIT = 1000;

    private static void assertProblemNaming(Api.Response response, String field) {
        assertThatProblem(response.raw()).hasStatus(400).hasRule("request.parameter.invalid").hasField(field)
                .hasError(field, "request.field.range");
    }

    @Test
    void a_huge_page_size_is_capped_at_the_maximum() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Paging")).id();
        Api.Response proposed = lead.post("/engagements/" + id + "/decisions",
                Scenario.decision("Use Kafka", "ARCHITECTURE", "COSTLY"));
        assertThat(proposed.status()).as(proposed.body()).isBetween(200, 299);

        Api.Response decisions = lead.get("/engagements/" + id + "/decisions?size=100000");
        assertThat(decisions.status()).as(decisions.body()).isEqualTo(200);
        assertThat(decisions.json().get("size").asInt()).isEqualTo(MAX_PAGE_SIZE);
        assertThat(decisions.json().get("page").asInt()).isZero();
        assertThat(decisions.json().get("items").size()).isEqualTo(1);

        // the filtered search path computes its own page size
        Api.Response filtered = lead.get("/engagements/" + id + "/decisions?category=ARCHITECTURE&size=100000");
        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.json().get("size").asInt()).isEqualTo(MAX_PAGE_SIZE);

        Api.Response engagements = lead.get("/engagements?size=100000");
        assertThat(engagements.status()).as(engagements.body()).isEqualTo(200);
        assertThat(engagements.json().get("size").asInt()).isEqualTo(MAX_PAGE_SIZE);
        assertThat(engagements.json().get("items").size()).isLessThanOrEqualTo(MAX_PAGE_SIZE);

        // a size within the cap is kept as asked
        assertThat(lead.get("/engagements?size=7").json().get("size").asInt()).isEqualTo(7);
    }

    @Test
    void a_size_below_one_or_a_negative_page_is_a_problem_naming_the_parameter() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Paging limits")).id();

        assertProblemNaming(lead.get("/engagements/" + id + "/decisions?size=0"), "size");
        assertProblemNaming(lead.get("/engagements/" + id + "/decisions?page=-1"), "page");
        assertProblemNaming(lead.get("/engagements?size=0"), "size");
        assertProblemNaming(lead.get("/engagements?page=-1"), "page");
    }

    /** One envelope on every service (scorecard-service and notification-service test theirs). */
    @Test
    void every_paged_list_answers_the_one_page_envelope() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Envelope")).id();
        Api.Response proposed = lead.post("/engagements/" + id + "/decisions",
                Scenario.decision("Use Kafka", "ARCHITECTURE", "COSTLY"));
        assertThat(proposed.status()).as(proposed.body()).isBetween(200, 299);
        String base = "/engagements/" + id;
        String asOf = "asOf=2999-01-01T00:00:00Z";

        for (String list : java.util.List.of("/engagements?size=1", base + "/decisions",
                base + "/decisions?category=ARCHITECTURE", base + "/work-items", base + "/releases", base + "/defects",
                base + "/satisfaction-ratings", base + "/incidents", base + "/engineers",
                base + "/decisions?" + asOf, base + "/engineers?" + asOf, base + "/incidents?" + asOf)) {
            Api.Response answer = lead.get(list);
            assertThat(answer.status()).as("%s: %s", list, answer.body()).isEqualTo(200);
            assertPageEnvelope(list, answer.json());
        }
        Api.Response decisions = lead.get(base + "/decisions?size=1");
        assertThat(decisions.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(decisions.json().get("totalPages").asLong()).isEqualTo(1);
    }

    @Test
    void the_history_limit_is_capped_at_a_thousand() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("History paging")).id();

        Api.Response history = lead.get("/engagements/" + id + "/history?limit=100000");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("limit").asInt()).isEqualTo(MAX_HISTORY_LIMIT);
        assertThat(history.json().get("items").size()).isPositive();

        assertProblemNaming(lead.get("/engagements/" + id + "/history?limit=0"), "limit");
    }
}
