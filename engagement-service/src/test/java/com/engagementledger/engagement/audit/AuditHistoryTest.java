package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.verify.LedgerVerify;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who decided what, the engagement as of chosen instants, the history in every format, and who read it. */
class AuditHistoryTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Api cto;
    private Api partner;

    private void actors() {
        cto = api(TestTokens.lead("cto-carl"));
        partner = api(TestTokens.partner("partner-ravi"));
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }

    /** Recorded times differ from the instants taken between commands. */
    private static Instant between() throws InterruptedException {
        Thread.sleep(15);
        Instant at = Instant.now();
        Thread.sleep(15);
        return at;
    }

    private static Map<String, Object> owner(String id, String side) {
        return Map.of("ownerId", id, "ownerName", id, "ownerSide", side, "reason", "agreed in kickoff");
    }

    @Test
    void decision_history_names_the_people_and_as_of_answers_the_state_of_each_instant() throws Exception {
        actors();
        Api anna = api(TestTokens.lead("lead-anna"));
        Instant beforeOpening = between();
        String id = anna.post("/engagements", Scenario.engagement("Audit script")).id();
        String base = "/engagements/" + id;
        ok(anna.post(base + "/ownership/ON_CALL", owner("partner-ravi", "PARTNER")));
        String first = partner.post(base + "/decisions", Scenario.decision("Use Postgres", "ARCHITECTURE", "COSTLY")).id();
        Instant t1 = between();

        ok(anna.post(base + "/decisions/" + first + "/acceptance", Map.of()));
        ok(anna.post(base + "/ownership/ON_CALL", owner("client-omar", "CLIENT")));
        Instant t2 = between();

        Map<String, Object> successorBody = new HashMap<>(Scenario.decision("Use Postgres 16", "ARCHITECTURE",
                "IRREVERSIBLE"));
        successorBody.put("supersedes", first);
        String second = partner.post(base + "/decisions", successorBody).id();
        ok(anna.post(base + "/decisions/" + second + "/acceptance", Map.of()));
        ok(cto.post(base + "/decisions/" + second + "/approval", Map.of()));
        String costly = anna.post(base + "/decisions", Scenario.decision("Vendor X", "INFRASTRUCTURE", "COSTLY")).id();
        ok(anna.post(base + "/decisions/" + costly + "/acceptance", Map.of()));
        ok(cto.post(base + "/decisions/" + costly + "/reversal", Map.of("reason", "vendor discontinued it")));
        Instant t3 = between();

        // the decision history names each step's person
        JsonNode firstHistory = anna.get(base + "/decisions/" + first + "/history").json();
        assertThat(steps(firstHistory)).containsExactly("proposed", "accepted", "superseded");
        assertThat(firstHistory.get(0).get("by").asText()).isEqualTo("partner-ravi");
        assertThat(firstHistory.get(0).get("side").asText()).isEqualTo("PARTNER");
        assertThat(firstHistory.get(1).get("by").asText()).isEqualTo("lead-anna");
        // superseded as a consequence of cto-carl's second approval of the successor
        assertThat(firstHistory.get(2).get("actor").asText()).isEqualTo("cto-carl");
        assertThat(firstHistory.get(2).get("supersededBy").asText()).isEqualTo(second);
        assertThat(firstHistory.get(2).get("reason").asText()).contains("Use Postgres 16");

        JsonNode secondHistory = anna.get(base + "/decisions/" + second + "/history").json();
        assertThat(steps(secondHistory)).containsExactly("proposed", "accepted", "approved");
        assertThat(secondHistory.get(0).get("supersedes").asText()).isEqualTo(first);
        assertThat(secondHistory.get(1).get("by").asText()).isEqualTo("lead-anna");
        assertThat(secondHistory.get(1).get("inEffect").asBoolean()).isFalse();
        assertThat(secondHistory.get(2).get("by").asText()).isEqualTo("cto-carl");

        JsonNode costlyHistory = anna.get(base + "/decisions/" + costly + "/history").json();
        assertThat(steps(costlyHistory)).containsExactly("proposed", "accepted", "reversed");
        assertThat(costlyHistory.get(2).get("by").asText()).isEqualTo("cto-carl");
        assertThat(costlyHistory.get(2).get("reason").asText()).isEqualTo("vendor discontinued it");

        // cto-carl's approval superseded the first decision in the same transaction: both links (and index rows) of
        // that transaction are written by one statement, and the chain still holds every event once, in order:
        // opened, 2 ownership changes, 3 proposals, 3 acceptances, the approval, the supersession, the reversal = 12
        JsonNode verdict = anna.get(base + "/verify").json();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(12);

        // decidedBy matches proposer, acceptor or approver; the reversal is not a decision by cto-carl
        assertThat(ids(anna.get(base + "/decisions?decidedBy=cto-carl").json())).containsExactly(second);
        assertThat(ids(anna.get(base + "/decisions?decidedBy=partner-ravi").json())).containsExactly(first, second);
        assertThat(ids(anna.get(base + "/decisions?category=INFRASTRUCTURE").json())).containsExactly(costly);
        assertThat(ids(anna.get(base + "/decisions?decidedBy=lead-anna&status=IN_EFFECT").json()))
                .containsExactly(second);

        // as of t1: ravi owns on-call, the first decision is only proposed
        assertThat(anna.get(base + "/ownership?asOf=" + t1).json().get("ON_CALL").get("ownerId").asText())
                .isEqualTo("partner-ravi");
        assertThat(statuses(anna.get(base + "/decisions?asOf=" + t1).json()))
                .isEqualTo(Map.of(first, "PROPOSED"));
        // as of t2: omar owns on-call, the first decision is in effect
        assertThat(anna.get(base + "/ownership?asOf=" + t2).json().get("ON_CALL").get("ownerId").asText())
                .isEqualTo("client-omar");
        assertThat(statuses(anna.get(base + "/decisions?asOf=" + t2).json())).isEqualTo(Map.of(first, "IN_EFFECT"));
        assertThat(ids(anna.get(base + "/decisions?asOf=" + t2 + "&status=IN_EFFECT").json())).containsExactly(first);
        // as of t3: superseded by the approved successor; the costly one reversed
        assertThat(statuses(anna.get(base + "/decisions?asOf=" + t3).json()))
                .isEqualTo(Map.of(first, "SUPERSEDED", second, "IN_EFFECT", costly, "REVERSED"));
        // as of now, every answer equals the current view
        Instant now = between();
        assertThat(anna.get(base + "?asOf=" + now).json()).isEqualTo(anna.get(base).json());
        assertThat(anna.get(base + "/decisions?asOf=" + now).json()).isEqualTo(anna.get(base + "/decisions").json());
        assertThat(anna.get(base + "/ownership?asOf=" + now).json()).isEqualTo(anna.get(base + "/ownership").json());
        assertThat(anna.get(base + "?asOf=" + t2).json().get("ownership").get("ON_CALL").get("ownerId").asText())
                .isEqualTo("client-omar");
        // before the engagement existed it is not found; a malformed instant names the parameter
        assertThat(anna.get(base + "?asOf=" + beforeOpening).status()).isEqualTo(404);
        Api.Response bad = anna.get(base + "/ownership?asOf=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }

    /**
     * asOf replays only the event types of the resources asked for: with every family present in one engagement,
     * each asOf answer at "now" still equals the current view, and none is padded with another family's resources.
     */
    @Test
    void as_of_now_equals_every_current_view_when_all_families_share_the_engagement() throws Exception {
        actors();
        Api anna = api(TestTokens.lead("lead-anna"));
        String id = anna.post("/engagements", Scenario.engagement("Families as of")).id();
        String base = "/engagements/" + id;
        ok(anna.post(base + "/ownership/ON_CALL", owner("partner-ravi", "PARTNER")));
        ok(partner.post(base + "/decisions", Scenario.decision("Use Kafka", "ARCHITECTURE", "COSTLY")));
        ok(anna.post(base + "/engineers", Map.of("name", "Priya", "side", "PARTNER", "role", "backend",
                "joinedOn", "2026-08-10")));
        ok(anna.post(base + "/incidents", Map.of("severity", "SEV3", "service", "api", "title", "slow",
                "detectedAt", "2026-09-01T10:00:00Z")));
        ok(partner.post(base + "/work-items", Map.of("title", "Refunds", "startedAt", "2026-09-01T09:00:00Z")));
        Instant now = between();
        for (String path : List.of("", "/ownership", "/decisions", "/engineers", "/incidents")) {
            JsonNode current = anna.get(base + path).json();
            assertThat(anna.get(base + path + "?asOf=" + now).json()).as(path).isEqualTo(current);
        }
        assertThat(anna.get(base + "/engineers?asOf=" + now).json().get("items").size()).isEqualTo(1);
        assertThat(anna.get(base + "/incidents?asOf=" + now).json().get("items").size()).isEqualTo(1);
    }

    @Test
    void history_filters_pages_and_exports_every_event_in_global_order() throws Exception {
        actors();
        Api anna = api(TestTokens.lead("lead-anna"));
        String id = anna.post("/engagements", Scenario.engagement("History")).id();
        String base = "/engagements/" + id;
        ok(anna.post(base + "/ownership/ON_CALL", owner("partner-ravi", "PARTNER")));
        String decision = partner.post(base + "/decisions", Scenario.decision("Use Kafka", "ARCHITECTURE", "COSTLY")).id();
        ok(anna.post(base + "/decisions/" + decision + "/acceptance", Map.of()));
        ok(anna.post(base + "/incidents", Map.of("severity", "SEV3", "service", "api", "title", "slow",
                "detectedAt", "2026-09-01T10:00:00Z")));

        JsonNode all = anna.get(base + "/history").json();
        // opened, ownership assigned, decision proposed, decision accepted, incident opened
        assertThat(all.get("items").size()).isEqualTo(5);
        assertThat(all.get("nextCursor").isNull()).isTrue();
        List<Long> positions = new ArrayList<>();
        all.get("items").forEach(e -> positions.add(e.get("position").asLong()));
        assertThat(positions).isSorted();
        JsonNode proposed = all.get("items").get(2);
        assertThat(proposed.get("type").asText()).isEqualTo("ledger.decision.proposed.v2");
        assertThat(proposed.get("family").asText()).isEqualTo("decision");
        assertThat(proposed.get("aggregateId").asText()).isEqualTo(decision);
        assertThat(proposed.get("actor").asText()).isEqualTo("partner-ravi");
        assertThat(proposed.get("side").asText()).isEqualTo("PARTNER");
        assertThat(proposed.get("correlationId").asText()).isNotBlank();
        assertThat(proposed.get("payload").get("title").asText()).isEqualTo("Use Kafka");
        assertThat(proposed.get("hash").asText()).hasSize(64);

        assertThat(anna.get(base + "/history?family=decision").json().get("items").size()).isEqualTo(2);
        assertThat(anna.get(base + "/history?type=ledger.decision.accepted.v2").json().get("items").size()).isEqualTo(1);
        assertThat(anna.get(base + "/history?actor=partner-ravi").json().get("items").size()).isEqualTo(1);
        assertThat(anna.get(base + "/history?side=CLIENT").json().get("items").size()).isEqualTo(4);
        String opened = all.get("items").get(0).get("recordedAt").asText();
        String last = all.get("items").get(4).get("recordedAt").asText();
        assertThat(anna.get(base + "/history?from=" + last).json().get("items").size()).isEqualTo(1);
        assertThat(anna.get(base + "/history?to=" + opened).json().get("items").size()).isEqualTo(1);

        JsonNode page1 = anna.get(base + "/history?limit=2").json();
        assertThat(page1.get("items").size()).isEqualTo(2);
        JsonNode page2 = anna.get(base + "/history?limit=2&after=" + page1.get("nextCursor").asLong()).json();
        assertThat(page2.get("items").get(0).get("position").asLong()).isEqualTo(positions.get(2));

        for (String[] wrong : new String[][]{{"side", "BOTH"}, {"type", "ledger.nope.v1"}, {"family", "nope"},
                {"from", "last-week"}, {"after", "-1"}, {"limit", "0"}}) {
            Api.Response response = anna.get(base + "/history?" + wrong[0] + "=" + wrong[1]);
            assertThat(response.status()).as(wrong[0]).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(wrong[0]);
        }

        Api.Response ndjson = anna.header("Accept", "application/x-ndjson").get(base + "/history");
        assertThat(ndjson.header("Content-Type")).as(ndjson.status() + " " + ndjson.body()).startsWith("application/x-ndjson");
        String[] lines = ndjson.body().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(JSON.readTree(lines[2])).isEqualTo(proposed);

        Api.Response csv = anna.header("Accept", "text/csv").get(base + "/history");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).startsWith("position,chainSeq,eventId,type");
        assertThat(rows).hasSize(6);
        assertThat(rows[3]).contains("ledger.decision.proposed.v2", "partner-ravi", "\"{\"\"engagementId\"\"");
    }

    @Test
    void the_history_csv_neutralises_cells_a_spreadsheet_would_read_as_formulas() {
        String actor = "=HYPERLINK(\"http://evil.example\",\"x\")";
        Api mallory = api(TestTokens.token(actor).side("CLIENT").roles("LEAD").name("@SUM(1+1)").sign());
        String id = mallory.post("/engagements", Scenario.engagement("Formulas")).id();

        Api.Response csv = mallory.header("Accept", "text/csv").get("/engagements/" + id + "/history");
        assertThat(csv.status()).isEqualTo(200);
        String[] rows = csv.body().split("\r\n");
        assertThat(rows.length).isGreaterThanOrEqualTo(2);
        // the actor and its name, each one quoted cell that begins with a single quote, not with = or @
        assertThat(rows[1]).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"'@SUM(1+1)\",CLIENT,");
        assertThat(rows[1]).doesNotContain(",=", ",@", ",+", ",-");
    }

    @Test
    void auditor_reads_are_recorded_for_admins_and_other_engagements_stay_hidden() {
        Api anna = api(TestTokens.lead("lead-anna"));
        String a = anna.post("/engagements", Scenario.engagement("Audited A")).id();
        String b = anna.post("/engagements", Scenario.engagement("Audited B")).id();
        Api auditor = api(TestTokens.token("auditor-ines").roles("AUDITOR").engagements(a).sign());

        assertThat(auditor.get("/engagements/" + a + "/history").status()).isEqualTo(200);
        assertThat(auditor.get("/engagements/" + a + "/verify").json().get("valid").asBoolean()).isTrue();
        assertThat(auditor.get("/engagements/" + a + "?asOf=" + Instant.now()).status()).isEqualTo(200);
        assertThat(auditor.get("/engagements/" + b + "/history").status()).isEqualTo(404);
        assertThat(auditor.get("/engagements/" + b + "/verify").status()).isEqualTo(404);
        assertThat(auditor.post("/admin/engagements/" + a + "/checkpoints", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.get("/admin/audit-reads").status()).isEqualTo(403);

        JsonNode reads = api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?engagement=" + a + "&limit=1000").json();
        List<String> endpoints = new ArrayList<>();
        reads.get("items").forEach(r -> {
            assertThat(r.get("actor").asText()).isEqualTo("auditor-ines");
            assertThat(r.get("readAt").asText()).isNotBlank();
            endpoints.add(r.get("endpoint").asText());
        });
        assertThat(endpoints).hasSize(3);
        assertThat(endpoints.get(0)).isEqualTo("GET /engagements/" + a + "/history");
        assertThat(endpoints.get(1)).isEqualTo("GET /engagements/" + a + "/verify");
        assertThat(endpoints.get(2)).startsWith("GET /engagements/" + a + "?asOf=");
        // a lead's reads are not auditor reads: b's log holds the auditor's two refused reads (404) and nothing else
        anna.get("/engagements/" + b + "/history");
        JsonNode readsOfB = api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?engagement=" + b).json()
                .get("items");
        assertThat(readsOfB).hasSize(2);
        readsOfB.forEach(r -> {
            assertThat(r.get("actor").asText()).isEqualTo("auditor-ines");
            assertThat(r.get("status").asInt()).isEqualTo(404);
        });
        assertThat(api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?engagement=" + b + "&actor=lead-anna")
                .json().get("items").size()).isZero();
    }

    @Autowired
    Checkpoints checkpoints;

    @Test
    void concurrent_appends_to_one_engagement_form_one_valid_chain_and_the_schedule_signs_its_head()
            throws Exception {
        Api anna = api(TestTokens.lead("lead-anna"));
        String id = anna.post("/engagements", Scenario.engagement("Concurrent")).id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> posts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Map<String, Object> body = Scenario.decision("Parallel " + i, "ARCHITECTURE", "COSTLY");
                posts.add(pool.submit(() -> anna.post("/engagements/" + id + "/decisions", body)));
            }
            for (Future<Api.Response> post : posts) {
                assertThat(post.get().status()).as(post.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode verdict = anna.get("/engagements/" + id + "/verify").json();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        // opened + 16 proposals, each linked once
        assertThat(verdict.get("events").asLong()).isEqualTo(17);
        Path export = Files.createTempFile("concurrent", ".ndjson");
        try {
            Files.writeString(export, anna.header("Accept", "application/x-ndjson").get("/engagements/" + id
                    + "/history").body());
            assertThat(LedgerVerify.verify(export, null, null).valid()).isTrue();
        } finally {
            Files.deleteIfExists(export);
        }

        checkpoints.signMovedHeads();
        JsonNode signed = anna.get("/engagements/" + id + "/checkpoints").json();
        assertThat(signed.size()).isEqualTo(1);
        assertThat(signed.get(0).get("chainSeq").asLong()).isEqualTo(17);
        assertThat(signed.get(0).get("headHash").asText()).isEqualTo(verdict.get("head").get("hash").asText());
        // nothing moved since: the next run signs nothing new for this engagement
        checkpoints.signMovedHeads();
        assertThat(anna.get("/engagements/" + id + "/checkpoints").json().size()).isEqualTo(1);
    }

    private static List<String> steps(JsonNode history) {
        List<String> steps = new ArrayList<>();
        history.forEach(s -> steps.add(s.get("step").asText()));
        return steps;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(d -> ids.add(d.get("decisionId").asText()));
        return ids;
    }

    private static Map<String, String> statuses(JsonNode page) {
        Map<String, String> statuses = new HashMap<>();
        page.get("items").forEach(d -> statuses.put(d.get("decisionId").asText(), d.get("status").asText()));
        return statuses;
    }
}
