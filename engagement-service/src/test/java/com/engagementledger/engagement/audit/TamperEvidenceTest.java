package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.audit.offline.OfflineVerifier;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering done directly in PostgreSQL is found by verify at the right position with the right kind, and the
 * offline verifier finds the same on an export taken afterwards; an untouched export verifies against a checkpoint.
 */
class TamperEvidenceTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    /** An engagement with six events: opened, ownership assigned, four decisions proposed. Returns its id. */
    private String engagementWithHistory(Api lead) {
        String id = lead.post("/engagements", Scenario.engagement("Tamper")).id();
        lead.post("/engagements/" + id + "/ownership/ON_CALL", Map.of("ownerId", "ravi", "ownerSide", "PARTNER",
                "reason", "kickoff"));
        for (int i = 1; i <= 4; i++) {
            assertThat(lead.post("/engagements/" + id + "/decisions",
                    Scenario.decision("Decision " + i, "ARCHITECTURE", "COSTLY")).status()).isEqualTo(201);
        }
        return id;
    }

    private List<Long> positions(Api api, String id) {
        List<Long> positions = new ArrayList<>();
        api.get("/engagements/" + id + "/history").json().get("items")
                .forEach(e -> positions.add(e.get("position").asLong()));
        assertThat(positions).hasSize(6);
        return positions;
    }

    private Path export(Api api, String id, String name) throws Exception {
        Api.Response response = api.header("Accept", "application/x-ndjson").get("/engagements/" + id + "/history");
        assertThat(response.status()).isEqualTo(200);
        Path file = dir.resolve(name + ".ndjson");
        Files.writeString(file, response.body());
        return file;
    }

    private String checkpoint(Api lead, String id) {
        Api.Response signed = lead.post("/engagements/" + id + "/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        return signed.body();
    }

    private String publicKey(Api api) {
        return api.get("/audit/public-key").body();
    }

    @Test
    void an_untouched_engagement_verifies_online_and_its_export_verifies_offline_against_a_checkpoint()
            throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        JsonNode verdict = lead.get("/engagements/" + id + "/verify").json();
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(6);
        String checkpoint = checkpoint(lead, id);
        assertThat(JSON.readTree(checkpoint).get("chainSeq").asLong()).isEqualTo(6);
        assertThat(JSON.readTree(checkpoint).get("headHash").asText()).isEqualTo(verdict.get("head").get("hash").asText());
        JsonNode listed = lead.get("/engagements/" + id + "/checkpoints").json();
        assertThat(listed.get(0)).isEqualTo(JSON.readTree(checkpoint));

        Path file = export(lead, id, "untouched");
        Path checkpointFile = Files.writeString(dir.resolve("checkpoint.json"), listed.toString());
        Path keyFile = Files.writeString(dir.resolve("key.json"), publicKey(lead));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(new String[]{file.toString(), checkpointFile.toString(), keyFile.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("checkpointSignatureValid").asBoolean()).isTrue();
        assertThat(result.get("verdict").get("events").asLong()).isEqualTo(6);

        // a checkpoint whose head was altered no longer carries a valid signature
        ObjectNode forged = (ObjectNode) JSON.readTree(checkpoint);
        forged.put("headHash", "f".repeat(64));
        OfflineVerifier.Result forgedResult = OfflineVerifier.verify(file, forged.toString(), publicKey(lead));
        assertThat(forgedResult.checkpointSignatureValid()).isFalse();
        assertThat(forgedResult.valid()).isFalse();

        // an export cut short of the checkpoint is reported
        List<String> lines = Files.readAllLines(file);
        Path truncated = Files.write(dir.resolve("truncated.ndjson"), lines.subList(0, 4));
        OfflineVerifier.Result cut = OfflineVerifier.verify(truncated, checkpoint, publicKey(lead));
        assertThat(cut.verdict().firstBreak().kind().name()).isEqualTo("CHECKPOINT");
    }

    @Test
    void one_changed_payload_byte_is_reported_as_changed_at_its_position() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        String checkpoint = checkpoint(lead, id);
        long position = positions(lead, id).get(3);
        byte[] payload = payload(position);
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf("Decision 2") + "Decision ".length();
        payload[at] = '7'; // "Decision 2" becomes "Decision 7": still valid JSON, one byte different
        jdbc.sql("update domain_event_entry set payload = ? where global_index = ?").params(payload, position).update();

        assertBreak(lead.get("/engagements/" + id + "/verify").json(), position, "CHANGED");
        OfflineVerifier.Result offline = OfflineVerifier.verify(export(lead, id, "changed"), checkpoint,
                publicKey(lead));
        assertThat(offline.valid()).isFalse();
        assertThat(offline.verdict().firstBreak().position()).isEqualTo(position);
        assertThat(offline.verdict().firstBreak().kind().name()).isEqualTo("CHANGED");
    }

    /**
     * An export writes stored payloads as they are where they are one JSON value on one line; anything else must
     * still give one valid JSON line per event, and the verdict the chain gives.
     */
    @Test
    void payloads_stored_on_several_lines_or_as_invalid_json_still_export_one_json_line_per_event() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        String checkpoint = checkpoint(lead, id);
        List<Long> positions = positions(lead, id);
        long pretty = positions.get(2);
        long broken = positions.get(4);
        byte[] payload = payload(pretty);
        byte[] multiLine = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(payload));
        assertThat(new String(multiLine, StandardCharsets.UTF_8)).contains("\n");
        jdbc.sql("update domain_event_entry set payload = ? where global_index = ?").params(multiLine, pretty).update();

        // the same JSON on several lines is the same canonical event: nothing broken, six lines exported
        assertThat(lead.get("/engagements/" + id + "/verify").json().get("valid").asBoolean()).isTrue();
        Path reformatted = export(lead, id, "reformatted");
        assertOneJsonObjectPerLine(reformatted, 6);
        assertThat(OfflineVerifier.verify(reformatted, checkpoint, publicKey(lead)).valid()).isTrue();

        byte[] cut = payload(broken);
        jdbc.sql("update domain_event_entry set payload = ? where global_index = ?")
                .params(java.util.Arrays.copyOf(cut, cut.length / 2), broken).update();
        assertBreak(lead.get("/engagements/" + id + "/verify").json(), broken, "CHANGED");
        Path invalid = export(lead, id, "invalid");
        assertOneJsonObjectPerLine(invalid, 6);
        OfflineVerifier.Result offline = OfflineVerifier.verify(invalid, checkpoint, publicKey(lead));
        assertThat(offline.valid()).isFalse();
        assertThat(offline.verdict().firstBreak().position()).isEqualTo(broken);
        assertThat(offline.verdict().firstBreak().kind().name()).isEqualTo("CHANGED");
    }

    private static void assertOneJsonObjectPerLine(Path export, int events) throws Exception {
        List<String> lines = Files.readAllLines(export).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(events);
        for (String line : lines) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }
    }

    @Test
    void one_deleted_event_row_is_reported_as_missing_at_its_position() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        String checkpoint = checkpoint(lead, id);
        long position = positions(lead, id).get(2);
        jdbc.sql("delete from domain_event_entry where global_index = ?").params(position).update();

        assertBreak(lead.get("/engagements/" + id + "/verify").json(), position, "MISSING");
        OfflineVerifier.Result offline = OfflineVerifier.verify(export(lead, id, "missing"), checkpoint,
                publicKey(lead));
        assertThat(offline.verdict().firstBreak().position()).isEqualTo(position);
        assertThat(offline.verdict().firstBreak().kind().name()).isEqualTo("MISSING");

        // an attacker who also removes the index row leaves a gap in the chain: still missing, before the next event
        jdbc.sql("delete from engagement_event where global_index = ?").params(position).update();
        OfflineVerifier.Result gap = OfflineVerifier.verify(export(lead, id, "gap"), checkpoint, publicKey(lead));
        assertThat(gap.verdict().firstBreak().kind().name()).isEqualTo("MISSING");
        assertThat(gap.verdict().firstBreak().chainSeq()).isEqualTo(3);
    }

    @Test
    void two_swapped_timestamps_are_reported_as_reordered_at_the_first_of_them() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        String checkpoint = checkpoint(lead, id);
        List<Long> positions = positions(lead, id);
        long earlier = positions.get(2);
        long later = positions.get(4);
        String earlierTime = time(earlier);
        String laterTime = time(later);
        assertThat(earlierTime).isNotEqualTo(laterTime);
        jdbc.sql("update domain_event_entry set time_stamp = ? where global_index = ?").params(laterTime, earlier).update();
        jdbc.sql("update domain_event_entry set time_stamp = ? where global_index = ?").params(earlierTime, later).update();

        assertBreak(lead.get("/engagements/" + id + "/verify").json(), earlier, "REORDERED");
        OfflineVerifier.Result offline = OfflineVerifier.verify(export(lead, id, "reordered"), checkpoint,
                publicKey(lead));
        assertThat(offline.verdict().firstBreak().position()).isEqualTo(earlier);
        assertThat(offline.verdict().firstBreak().kind().name()).isEqualTo("REORDERED");
    }

    @Test
    void an_event_inserted_around_the_chain_is_reported_as_unchained() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        long copied = positions(lead, id).get(5);
        String forgedId = java.util.UUID.randomUUID().toString();
        long forged = jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                          time_stamp, payload_type, payload_revision, payload, meta_data)
                        select ?, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type,
                          payload_revision, payload, meta_data from domain_event_entry where global_index = ?
                        returning global_index""")
                .params(forgedId, copied).query(Long.class).single();
        jdbc.sql("""
                        insert into engagement_event (global_index, engagement_id, event_identifier,
                          aggregate_identifier, sequence_number, event_type, recorded_at)
                        select ?, engagement_id, ?, aggregate_identifier, sequence_number + 1, event_type, recorded_at
                        from engagement_event where global_index = ?""")
                .params(forged, forgedId, copied).update();

        assertBreak(lead.get("/engagements/" + id + "/verify").json(), forged, "UNCHAINED");
        OfflineVerifier.Result offline = OfflineVerifier.verify(export(lead, id, "unchained"), null, null);
        assertThat(offline.verdict().firstBreak().position()).isEqualTo(forged);
        assertThat(offline.verdict().firstBreak().kind().name()).isEqualTo("UNCHAINED");
    }

    private byte[] payload(long position) {
        return jdbc.sql("select payload from domain_event_entry where global_index = ?").params(position)
                .query(byte[].class).single();
    }

    private String time(long position) {
        return jdbc.sql("select time_stamp from domain_event_entry where global_index = ?").params(position)
                .query(String.class).single();
    }

    private static void assertBreak(JsonNode verdict, long position, String kind) {
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBreak").get("position").asLong()).as(verdict.toString()).isEqualTo(position);
        assertThat(verdict.get("firstBreak").get("kind").asText()).as(verdict.toString()).isEqualTo(kind);
    }
}
