package com.engagementledger.scorecard;

import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.scorecard.support.TwelveWeekHistory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.engagementledger.testsupport.PageAssert.assertPageEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** A token sees only the engagements it lists; everything else is 404, and no token is 401. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementScopeSecurityTest extends IntegrationTest {
    private final String a = UUID.randomUUID().toString();
    private final String b = UUID.randomUUID().toString();

    @BeforeAll
    void twoEngagements() {
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            List<String> ids = new ArrayList<>(TwelveWeekHistory.publish(publisher, a, "Alpha " + a));
            ids.addAll(TwelveWeekHistory.publish(publisher, b, "Bravo " + b));
            awaitApplied(ids);
        }
    }

    @Test
    void token_for_a_never_sees_b_by_id_in_the_portfolio_or_in_csv() {
        String tokenA = leadOf(a);
        assertThat(get("/scorecards/" + a, tokenA).statusCode()).isEqualTo(200);
        HttpResponse<String> other = get("/scorecards/" + b, tokenA);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Bravo");
        assertThat(json(other).path("rule").asText()).isEqualTo("resource.not-found");
        assertThat(get("/scorecards/" + b + "/weekly", tokenA).statusCode()).isEqualTo(404);
        assertThat(get("/scorecards/" + b + "/weekly.csv", tokenA, "text/csv").statusCode()).isEqualTo(404);
        assertThat(get("/scorecards/" + b + "/measures/cycle-time/evidence", tokenA).statusCode()).isEqualTo(404);

        JsonNode portfolio = json(get("/scorecards?size=100", tokenA));
        assertThat(assertPageEnvelope("/scorecards", portfolio).findValuesAsText("engagementId")).containsExactly(a);
        assertThat(portfolio.path("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void wildcard_token_sees_both_and_portfolio_filters_and_sorts() {
        String all = TestTokens.token("svc").roles("SERVICE").sign();
        JsonNode portfolio = json(get("/scorecards?q=" + b + "&size=10", all));
        assertThat(portfolio.path("items").findValuesAsText("engagementId")).containsExactly(b);
        assertThat(portfolio.path("items").get(0).path("factors").path("QUALITY").asText()).isEqualTo("RED");
        JsonNode red = json(get("/scorecards?factor=quality&colour=RED&sort=name,desc&size=100", all));
        assertThat(red.path("items").findValuesAsText("engagementId")).contains(a, b);
    }

    @Test
    void missing_or_invalid_token_is_401_problem() {
        HttpResponse<String> none = get("/scorecards/" + a, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String forged = TestTokens.token("lead-1").roles("LEAD").engagements(a)
                .secret("another-secret-that-is-long-enough-0123456789").sign();
        assertThat(get("/scorecards/" + a, forged).statusCode()).isEqualTo(401);
        assertThat(get("/scorecards", "not.a.jwt").statusCode()).isEqualTo(401);
        // the API description is public on every service: it holds no data
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void page_size_above_the_cap_is_a_problem_naming_the_field() {
        HttpResponse<String> response = get("/scorecards?size=500", leadOf(a));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("size");
        assertThat(json(response).path("rule").asText()).isEqualTo("request.parameter.invalid");
        assertThat(json(response).path("errors").get(0).path("rule").asText()).isEqualTo("size.range");
    }

    @Test
    void api_docs_and_readiness_are_served() {
        assertThat(json(get("/v3/api-docs", TestTokens.admin("admin-1"))).path("paths").has("/scorecards/{engagementId}/weekly"))
                .isTrue();
        JsonNode readiness = json(get("/actuator/health/readiness", null));
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
    }
}
