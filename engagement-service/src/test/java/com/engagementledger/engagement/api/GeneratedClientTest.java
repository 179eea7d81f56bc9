package com.engagementledger.engagement.api;

import com.engagementledger.apiclient.engagement.ApiClient;
import com.engagementledger.apiclient.engagement.api.DecisionApi;
import com.engagementledger.apiclient.engagement.api.EngagementApi;
import com.engagementledger.apiclient.engagement.model.CommandResult;
import com.engagementledger.apiclient.engagement.model.DecisionView;
import com.engagementledger.apiclient.engagement.model.OpenEngagementRequest;
import com.engagementledger.apiclient.engagement.model.Problem;
import com.engagementledger.apiclient.engagement.model.ProposeRequest;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An integrator's first steps with a Java client generated from the committed OpenAPI document (openapi-generator in
 * engagement-service's test build): open an engagement, propose and accept a decision, and read why a command was
 * refused from its Problem Details.
 */
class GeneratedClientTest extends IntegrationTest {

    private ApiClient client(String token) {
        // the generated client's own RestTemplate writes a LocalDate as [2026, 8, 3], which the service refuses (the
        // document says format "date"): an integrator gives it a JSON converter that writes ISO-8601, as here
        ApiClient client = new ApiClient(new RestTemplate(List.of(new MappingJackson2HttpMessageConverter(
                Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()))));
        client.setBasePath("http://127.0.0.1:" + port);
        // the document's bearerJwt security scheme
        client.setBearerToken(token);
        return client;
    }

    @Test
    void opens_an_engagement_proposes_and_accepts_a_decision_and_reads_a_refusal() throws Exception {
        ApiClient anna = client(TestTokens.lead("lead-anna"));
        CommandResult opened = new EngagementApi(anna).engagementOpen(new OpenEngagementRequest()
                .name("Generated client").clientName("Acme Retail").partnerName("Nearshore Labs")
                .model(OpenEngagementRequest.ModelEnum.DEDICATED_TEAM)
                .managementStructure(OpenEngagementRequest.ManagementStructureEnum.SHARED)
                .contractType(OpenEngagementRequest.ContractTypeEnum.TIME_AND_MATERIALS)
                .clientTimeZone("Europe/Berlin").partnerTimeZone("Asia/Kolkata")
                .overlapStart("09:00").overlapEnd("13:00")
                .coveragePattern(OpenEngagementRequest.CoveragePatternEnum.HALF_DAY_OVERLAP)
                .startDate(LocalDate.of(2026, 8, 3)), null, null);
        assertThat(opened.getVersion()).isZero();

        DecisionApi decisions = new DecisionApi(anna);
        CommandResult proposed = decisions.decisionPropose(opened.getId(), new ProposeRequest().title("Postgres")
                .category(ProposeRequest.CategoryEnum.DATA_MODEL).context("why this came up")
                .decision("what we do").consequences("what follows").alternatives(List.of("do nothing"))
                .reversibility(ProposeRequest.ReversibilityEnum.REVERSIBLE), null, null);
        assertThat(proposed.getId()).isNotBlank();
        decisions.decisionAccept(opened.getId(), proposed.getId(), null, null, null, null);

        DecisionView accepted = decisions.decisionGet(opened.getId(), proposed.getId());
        assertThat(accepted.getStatus()).isEqualTo(DecisionView.StatusEnum.IN_EFFECT);
        assertThat(accepted.getAccepted().getBy()).isEqualTo("lead-anna");
        assertThat(accepted.getReversed()).isNull();

        HttpClientErrorException refused = catchThrowableOfType(HttpClientErrorException.class,
                () -> decisions.decisionAccept(opened.getId(), proposed.getId(), null, null, null, null));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        Problem problem = new ObjectMapper().readValue(refused.getResponseBodyAsString(), Problem.class);
        assertThat(problem.getRule()).isEqualTo("decision.not-proposed");
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getDetail()).isNotBlank();
    }
}
