package com.engagementledger.intake.processing;

import com.engagementledger.intake.EngagementServiceJvm;
import com.engagementledger.intake.IntegrationTest;
import com.engagementledger.testsupport.PageAssert;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GitHub's real example deliveries, through intake, into the real engagement-service: each becomes the right
 * command with the right business time, once, and its outcome is readable.
 */
class GitHubToLedgerTest extends IntegrationTest {
    private static final String SECRET = "webhook-secret-of-the-ledger-test";
    private static LedgerTestClient ledger;

    @BeforeAll
    static void startEngagementService() {
        EngagementServiceJvm.start();
        ledger = new LedgerTestClient(EngagementServiceJvm.baseUrl());
    }

    private record Sent(String event, String file, String deliveryId) {
    }

    private String engagement;
    private String connection;
    private String repository;

    private Sent send(String event, String file) {
        Sent sent = new Sent(event, file, newId());
        assertThat(deliverGitHub(event, sent.deliveryId(), gitHubExample(file, repository), SECRET).status())
                .isEqualTo(202);
        return sent;
    }

    private JsonNode outcome(Sent sent) {
        return get("/engagements/" + engagement + "/connections/" + connection + "/deliveries/" + sent.deliveryId(),
                lead(engagement)).json();
    }

    private Map<Sent, JsonNode> awaitProcessed(List<Sent> deliveries) {
        Map<Sent, JsonNode> outcomes = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Sent sent : deliveries) {
                JsonNode outcome = outcome(sent);
                if (outcome.path("status").asText().equals("PENDING")) {
                    return false;
                }
                outcomes.put(sent, outcome);
            }
            return true;
        });
        return outcomes;
    }

    private void connect() {
        engagement = ledger.openEngagement("2019-05-01");
        repository = "Codertocat/Hello-World-" + newId().substring(0, 8);
        connection = connectGitHub(engagement, repository, SECRET);
    }

    @Test
    void each_mapped_delivery_records_its_fact_with_the_tools_business_time() {
        connect();
        Sent opened = send("pull_request", "pull_request.opened");
        Sent planned = send("milestone", "milestone.created");
        Sent merged = send("pull_request", "pull_request.closed-merged");
        Sent shipped = send("milestone", "milestone.closed");
        Sent bug = send("issues", "issues.opened");
        Sent labelled = send("issues", "issues.labeled");
        Sent push = send("push", "push");

        Map<Sent, JsonNode> outcomes = awaitProcessed(List.of(opened, planned, merged, shipped, bug, labelled, push));

        assertThat(outcomes.get(opened).path("status").asText()).isEqualTo("RECORDED");
        assertThat(outcomes.get(opened).path("commands").get(0).path("command").asText()).isEqualTo("start-work-item");
        String workItem = outcomes.get(opened).path("commands").get(0).path("resourceId").asText();
        assertThat(outcomes.get(merged).path("status").asText()).isEqualTo("RECORDED");
        assertThat(outcomes.get(merged).path("commands")).singleElement().satisfies(c -> {
            assertThat(c.path("command").asText()).isEqualTo("deliver-work-item");
            assertThat(c.path("resourceId").asText()).isEqualTo(workItem);
        });
        JsonNode item = ledger.get("/engagements/" + engagement + "/work-items/" + workItem);
        assertThat(item.path("title").asText()).isEqualTo("Update the README with new information.");
        assertThat(item.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(item.path("startedAt").asText()).isEqualTo("2019-05-15T15:20:33Z");
        assertThat(item.path("deliveredAt").asText()).isEqualTo("2019-05-15T15:21:18Z");

        assertThat(outcomes.get(planned).path("status").asText()).isEqualTo("RECORDED");
        assertThat(outcomes.get(shipped).path("status").asText()).isEqualTo("RECORDED");
        String release = outcomes.get(planned).path("commands").get(0).path("resourceId").asText();
        JsonNode releaseView = ledger.get("/engagements/" + engagement + "/releases/" + release);
        assertThat(releaseView.path("name").asText()).isEqualTo("v1.0");
        assertThat(releaseView.path("plannedFor").asText()).isEqualTo("2019-05-23");
        assertThat(releaseView.path("shippedOn").asText()).isEqualTo("2019-05-15");

        assertThat(outcomes.get(bug).path("status").asText()).isEqualTo("RECORDED");
        JsonNode defects = PageAssert.assertPageEnvelope("defects",
                ledger.get("/engagements/" + engagement + "/defects"));
        assertThat(defects).singleElement().satisfies(d -> {
            assertThat(d.path("stage").asText()).isEqualTo("BEFORE_RELEASE");
            assertThat(d.path("severity").asText()).isEqualTo("SEV3");
            assertThat(d.path("foundAt").asText()).isEqualTo("2019-05-15T15:20:18Z");
        });
        // the same issue labelled again is the same defect
        assertThat(outcomes.get(labelled).path("status").asText()).isEqualTo("IGNORED");
        assertThat(outcomes.get(labelled).path("reason").asText()).startsWith("issue:1 is already defect");

        assertThat(outcomes.get(push).path("status").asText()).isEqualTo("IGNORED");
        assertThat(outcomes.get(push).path("reason").asText()).isEqualTo("event 'push' is not mapped");
    }

    @Test
    void a_fact_engagement_service_refuses_is_rejected_with_its_rule() {
        connect();
        Sent merged = send("pull_request", "pull_request.closed-merged");
        // the example reopening happened (updated_at 15:20:33) before the merge (15:21:18): time cannot run backwards
        Sent reopened = send("pull_request", "pull_request.reopened");

        Map<Sent, JsonNode> outcomes = awaitProcessed(List.of(merged, reopened));

        assertThat(outcomes.get(reopened).path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcomes.get(reopened).path("rule").asText()).isEqualTo("work-item.time.backwards");
        assertThat(outcomes.get(reopened).path("commands")).isEmpty();
    }

    @Test
    void deliveries_sent_twice_and_out_of_order_record_each_fact_once() {
        connect();
        // the merge arrives first: intake starts the work item from the payload's created_at, then delivers it
        Sent merged = send("pull_request", "pull_request.closed-merged");
        Sent shipped = send("milestone", "milestone.closed");
        Sent opened = send("pull_request", "pull_request.opened");
        Sent planned = send("milestone", "milestone.created");
        for (Sent again : List.of(merged, shipped, opened, planned)) {
            Response redelivered = deliverGitHub(again.event(), again.deliveryId(),
                    gitHubExample(again.file(), repository), SECRET);
            assertThat(redelivered.json().path("status").asText()).isEqualTo("DUPLICATE");
        }
        // the same facts again under new delivery ids, as a tool that resends without its id would
        Sent mergedAgain = send("pull_request", "pull_request.closed-merged");
        Sent openedAgain = send("pull_request", "pull_request.opened");

        Map<Sent, JsonNode> outcomes = awaitProcessed(List.of(merged, shipped, opened, planned, mergedAgain,
                openedAgain));

        assertThat(outcomes.get(merged).path("commands")).extracting(c -> c.path("command").asText())
                .containsExactly("start-work-item", "deliver-work-item");
        assertThat(outcomes.get(shipped).path("commands")).extracting(c -> c.path("command").asText())
                .containsExactly("plan-release", "ship-release");
        assertThat(outcomes.get(opened).path("status").asText()).isEqualTo("IGNORED");
        assertThat(outcomes.get(planned).path("status").asText()).isEqualTo("IGNORED");
        assertThat(outcomes.get(openedAgain).path("status").asText()).isEqualTo("IGNORED");
        // delivering a delivered item again is refused by engagement-service: visible, and nothing recorded
        assertThat(outcomes.get(mergedAgain).path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcomes.get(mergedAgain).path("rule").asText()).isEqualTo("work-item.not-in-progress");

        JsonNode items = PageAssert.assertPageEnvelope("work items",
                ledger.get("/engagements/" + engagement + "/work-items"));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.path("startedAt").asText()).isEqualTo("2019-05-15T15:20:33Z");
            assertThat(i.path("deliveredAt").asText()).isEqualTo("2019-05-15T15:21:18Z");
        });
        JsonNode releases = PageAssert.assertPageEnvelope("releases",
                ledger.get("/engagements/" + engagement + "/releases"));
        assertThat(releases).singleElement().satisfies(r -> {
            assertThat(r.path("plannedFor").asText()).isEqualTo("2019-05-23");
            assertThat(r.path("shippedOn").asText()).isEqualTo("2019-05-15");
        });
        PageAssert.assertPageEnvelope("deliveries",
                get("/engagements/" + engagement + "/connections/" + connection + "/deliveries", lead(engagement))
                        .json());
        assertThat(get("/engagements/" + engagement + "/connections/" + connection + "/deliveries",
                lead(engagement)).json().path("totalItems").asLong()).isEqualTo(6);
    }

    @Test
    void while_engagement_service_is_down_deliveries_wait_and_are_recorded_once_it_is_back() {
        connect();
        EngagementServiceJvm.stop();
        Sent opened;
        Sent planned;
        try {
            opened = send("pull_request", "pull_request.opened");
            planned = send("milestone", "milestone.created");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> outcome(opened).path("attempts").asInt() >= 2);
            JsonNode waiting = outcome(opened);
            assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
            assertThat(waiting.path("lastError").asText()).contains("engagement-service");
            // in order: the later delivery was not tried before the first
            assertThat(outcome(planned).path("status").asText()).isEqualTo("PENDING");
            assertThat(outcome(planned).path("attempts").asInt()).isZero();
        } finally {
            EngagementServiceJvm.start();
        }

        Map<Sent, JsonNode> outcomes = awaitProcessed(List.of(opened, planned));

        assertThat(outcomes.get(opened).path("status").asText()).isEqualTo("RECORDED");
        assertThat(outcomes.get(planned).path("status").asText()).isEqualTo("RECORDED");
        assertThat(PageAssert.assertPageEnvelope("work items",
                ledger.get("/engagements/" + engagement + "/work-items"))).hasSize(1);
        assertThat(PageAssert.assertPageEnvelope("releases",
                ledger.get("/engagements/" + engagement + "/releases"))).hasSize(1);
    }
}
