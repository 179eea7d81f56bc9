package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit-read log: what an AUDITOR asked of the audit endpoints, served or refused (404 outside its engagements or
 * unknown, 403 for a role it lacks), and who may read the log: ADMINs, each for the engagements its token covers.
 */
class AuditReadLogTest extends IntegrationTest {

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }

    /** Endpoint → status of the auditor's recorded reads, oldest first, as an all-engagements ADMIN lists them. */
    private Map<String, Integer> readsOf(String auditor) {
        JsonNode items = api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?limit=1000&actor=" + auditor)
                .json().get("items");
        Map<String, Integer> reads = new LinkedHashMap<>();
        items.forEach(r -> reads.put(r.get("endpoint").asText(), r.get("status").asInt()));
        return reads;
    }

    @Test
    void refused_auditor_reads_are_recorded_with_their_status() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String a = lead.post("/engagements", Scenario.engagement("Refused A")).id();
        String b = lead.post("/engagements", Scenario.engagement("Refused B")).id();
        String decisionOfB = lead.post("/engagements/" + b + "/decisions",
                Scenario.decision("t", "PROCESS", "REVERSIBLE")).id();
        String name = unique("auditor-refused");
        Api auditor = api(TestTokens.token(name).roles("AUDITOR").engagements(a).sign());
        String unknown = UUID.randomUUID().toString();

        assertThat(auditor.get("/engagements/" + b + "/history").status()).isEqualTo(404);
        assertThat(auditor.get("/engagements/" + b + "/verify").status()).isEqualTo(404);
        assertThat(auditor.get("/engagements/" + b + "/checkpoints").status()).isEqualTo(404);
        assertThat(auditor.get("/engagements/" + b + "/decisions/" + decisionOfB + "/history").status())
                .isEqualTo(404);
        assertThat(auditor.get("/engagements/" + b + "/ownership?asOf=2030-01-01T00:00:00Z").status())
                .isEqualTo(404);
        assertThat(auditor.get("/engagements/" + a + "/decisions/" + decisionOfB + "/history").status())
                .isEqualTo(404);
        assertThat(auditor.get("/admin/audit-reads").status()).isEqualTo(403);
        assertThat(auditor.get("/engagements/" + a + "/history").status()).isEqualTo(200);
        // not audit endpoints: a refused write and a plain view are not audit reads
        assertThat(auditor.post("/engagements/" + a + "/checkpoints", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.get("/engagements/" + b).status()).isEqualTo(404);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("GET /engagements/" + b + "/history", 404);
        expected.put("GET /engagements/" + b + "/verify", 404);
        expected.put("GET /engagements/" + b + "/checkpoints", 404);
        expected.put("GET /engagements/" + b + "/decisions/" + decisionOfB + "/history", 404);
        expected.put("GET /engagements/" + b + "/ownership?asOf=2030-01-01T00:00:00Z", 404);
        expected.put("GET /engagements/" + a + "/decisions/" + decisionOfB + "/history", 404);
        expected.put("GET /admin/audit-reads", 403);
        expected.put("GET /engagements/" + a + "/history", 200);
        assertThat(readsOf(name)).containsExactlyEntriesOf(expected);
        // the engagement asked for is recorded even when the auditor may not see it; an unknown one too
        assertThat(auditor.get("/engagements/" + unknown + "/verify").status()).isEqualTo(404);
        JsonNode ofB = api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?engagement=" + b + "&actor=" + name)
                .json().get("items");
        assertThat(ofB).hasSize(5);
        assertThat(api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?engagement=" + unknown).json()
                .get("items").get(0).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void an_admin_sees_the_audit_reads_of_its_own_engagements_only() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String a = lead.post("/engagements", Scenario.engagement("Log A")).id();
        String b = lead.post("/engagements", Scenario.engagement("Log B")).id();
        String name = unique("auditor-everywhere");
        Api auditor = api(TestTokens.token(name).roles("AUDITOR").sign());
        assertThat(auditor.get("/engagements/" + a + "/history").status()).isEqualTo(200);
        assertThat(auditor.get("/engagements/" + b + "/history").status()).isEqualTo(200);
        Api adminOfA = api(TestTokens.token("admin-of-a").roles("ADMIN").engagements(a).sign());

        assertThat(adminOfA.get("/admin/audit-reads?engagement=" + b).status()).isEqualTo(404);
        JsonNode seen = adminOfA.get("/admin/audit-reads?limit=1000&actor=" + name).json().get("items");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("engagementId").asText()).isEqualTo(a);
        assertThat(adminOfA.get("/admin/audit-reads?engagement=" + a + "&actor=" + name).json().get("items"))
                .hasSize(1);
        // a read that names no engagement (a refused look at the log itself) is for all-engagements ADMINs only
        assertThat(auditor.get("/admin/audit-reads").status()).isEqualTo(403);
        assertThat(adminOfA.get("/admin/audit-reads?limit=1000&actor=" + name).json().get("items")).hasSize(1);
        assertThat(readsOf(name)).hasSize(3);
    }

    @Test
    void a_subject_and_name_of_256_characters_are_recorded_whole() {
        String subject = "a".repeat(220) + UUID.randomUUID();
        String displayName = "N".repeat(256);
        assertThat(subject).hasSize(256);
        Api lead = api(TestTokens.token(subject).name(displayName).side("CLIENT").roles("LEAD").sign())
                .header("Idempotency-Key", "long-subject");
        Api.Response opened = lead.post("/engagements", Scenario.engagement("Long subject"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Api auditor = api(TestTokens.token(subject).name(displayName).roles("AUDITOR").sign());
        assertThat(auditor.get("/engagements/" + opened.id() + "/history").status())
                .isEqualTo(200);
        JsonNode read = api(TestTokens.admin("admin-ada")).get("/admin/audit-reads?engagement=" + opened.id())
                .json().get("items").get(0);
        assertThat(read.get("actor").asText()).isEqualTo(subject);
        assertThat(read.get("actorName").asText()).isEqualTo(displayName);
    }
}
