package com.engagementledger.intake.github;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.intake.connection.ConnectionOptions;
import com.engagementledger.intake.fact.Fact;
import com.engagementledger.intake.fact.Mapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** GitHub's real example payloads (src/test/resources/github, from @octokit/webhooks-examples) as facts. */
class GitHubMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GitHubMapping mapping = new GitHubMapping();

    private Mapping map(String event, String file) {
        return map(event, file, ConnectionOptions.DEFAULTS);
    }

    private Mapping map(String event, String file, ConnectionOptions options) {
        try (InputStream in = getClass().getResourceAsStream("/github/" + file + ".json")) {
            JsonNode payload = JSON.readTree(in);
            return mapping.map(event, payload, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_opened_pull_request_starts_a_work_item_when_it_was_created() {
        assertThat(map("pull_request", "pull_request.opened").facts()).containsExactly(
                new Fact.WorkItemStarted("pull-request:2", "Update the README with new information.",
                        Instant.parse("2019-05-15T15:20:33Z")));
    }

    @Test
    void a_merged_pull_request_delivers_its_work_item_when_it_was_merged() {
        assertThat(map("pull_request", "pull_request.closed-merged").facts()).containsExactly(
                new Fact.WorkItemDelivered("pull-request:2", "Update the README with new information.",
                        Instant.parse("2019-05-15T15:20:33Z"), Instant.parse("2019-05-15T15:21:18Z")));
    }

    @Test
    void a_pull_request_closed_without_merging_delivers_nothing() {
        Mapping closed = map("pull_request", "pull_request.closed");
        assertThat(closed.facts()).isEmpty();
        assertThat(closed.ignoredBecause()).isEqualTo("pull request #2 was closed without merging");
    }

    @Test
    void a_reopened_pull_request_reopens_its_work_item() {
        assertThat(map("pull_request", "pull_request.reopened").facts()).containsExactly(
                new Fact.WorkItemReopened("pull-request:2", "Update the README with new information.",
                        Instant.parse("2019-05-15T15:20:33Z"), Instant.parse("2019-05-15T15:20:33Z"),
                        "pull request #2 reopened"));
    }

    @Test
    void a_milestone_with_a_due_date_plans_a_release_for_that_day() {
        assertThat(map("milestone", "milestone.created").facts()).containsExactly(
                new Fact.ReleasePlanned("milestone:1", "v1.0", LocalDate.parse("2019-05-23")));
    }

    @Test
    void a_closed_milestone_ships_its_release_on_the_day_it_closed() {
        assertThat(map("milestone", "milestone.closed").facts()).containsExactly(
                new Fact.ReleaseShipped("milestone:1", "v1.0", LocalDate.parse("2019-05-23"),
                        LocalDate.parse("2019-05-15")));
    }

    @Test
    void an_issue_labelled_bug_is_a_defect_found_before_release_unless_labelled_production() {
        Fact.DefectFound expected = new Fact.DefectFound("issue:1", DefectStage.BEFORE_RELEASE, Severity.SEV3,
                Instant.parse("2019-05-15T15:20:18Z"), "#1 Spelling error in the README file");
        assertThat(map("issues", "issues.opened").facts()).containsExactly(expected);
        assertThat(map("issues", "issues.labeled").facts()).containsExactly(expected);
    }

    @Test
    void the_connections_labels_decide_defect_and_stage() {
        // the example issue carries the one label "bug": as the production label it makes a production defect
        ConnectionOptions bugsAreProduction = new ConnectionOptions("bug", "BUG", Severity.SEV2);
        assertThat(map("issues", "issues.opened", bugsAreProduction).facts()).singleElement()
                .satisfies(f -> {
                    assertThat(((Fact.DefectFound) f).stage()).isEqualTo(DefectStage.PRODUCTION);
                    assertThat(((Fact.DefectFound) f).severity()).isEqualTo(Severity.SEV2);
                });

        Mapping notADefect = map("issues", "issues.opened", new ConnectionOptions("defect", "production", null));
        assertThat(notADefect.ignoredBecause()).isEqualTo("issue #1 is not labelled 'defect'");
    }

    @Test
    void other_events_are_ignored_with_their_reason() {
        assertThat(map("ping", "ping").ignoredBecause()).startsWith("ping");
        assertThat(map("push", "push").ignoredBecause()).isEqualTo("event 'push' is not mapped");
    }
}
