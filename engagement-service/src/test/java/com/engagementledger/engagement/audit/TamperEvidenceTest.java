package com.engagementledger.engagement.audit;

import com.engagementledger.audit.CanonicalEvent;
import com.engagementledger.audit.HistoryEntry;
import com.engagementledger.audit.Verdict;
import com.engagementledger.engagement.support.Api;
import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.engagement.support.Scenario;
import com.engagementledger.testsupport.TestTokens;
import com.engagementledger.verify.LedgerVerify;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering done directly in PostgreSQL is found by /verify at the right line with the right kind, and the
 * ledger-verify command line gives the very same verdict on an export taken afterwards with the engagement's
 * checkpoints: every fixture here is checked both ways. An untouched export verifies against a checkpoint.
 */
class TamperEvidenceTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Checkpoints checkpoints;

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

    /** Signs a checkpoint as an ADMIN does on demand; returns it as JSON text. */
    private String checkpoint(String id) {
        Api.Response signed = admin().post("/admin/engagements/" + id + "/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        return signed.body();
    }

    private Api admin() {
        return api(TestTokens.admin("admin-ada"));
    }

    private String publicKey(Api api) {
        return api.get("/audit/public-key").body();
    }

    /**
     * /verify's verdict, after checking that the ledger-verify command line gives the very same verdict (JSON and
     * exit code) on an export taken now and the engagement's checkpoints with the public key.
     */
    private JsonNode verifyBothWays(Api api, String id) throws Exception {
        JsonNode online = api.get("/engagements/" + id + "/verify").json();
        Path file = export(api, id, "both-ways-" + UUID.randomUUID());
        JsonNode listed = api.get("/engagements/" + id + "/checkpoints").json();
        String[] args = listed.isEmpty() ? new String[]{file.toString()} : new String[]{file.toString(),
                Files.writeString(dir.resolve("checkpoints-" + UUID.randomUUID() + ".json"), listed.toString())
                        .toString(),
                Files.writeString(dir.resolve("key-" + UUID.randomUUID() + ".json"), publicKey(api)).toString()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LedgerVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        JsonNode offline = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(offline).as("ledger-verify against /verify").isEqualTo(online);
        assertThat(exit).isEqualTo(online.get("valid").asBoolean() ? 0 : 1);
        return online;
    }

    @Test
    void an_untouched_engagement_verifies_online_and_its_export_verifies_offline_against_a_checkpoint()
            throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        JsonNode verdict = verifyBothWays(lead, id);
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(6);
        assertThat(verdict.get("checkpoint").isNull()).isTrue();
        String checkpoint = checkpoint(id);
        assertThat(JSON.readTree(checkpoint).get("chainSeq").asLong()).isEqualTo(6);
        assertThat(JSON.readTree(checkpoint).get("headHash").asText()).isEqualTo(verdict.get("head").get("hash").asText());
        JsonNode listed = lead.get("/engagements/" + id + "/checkpoints").json();
        assertThat(listed.get(0)).isEqualTo(JSON.readTree(checkpoint));

        JsonNode against = verifyBothWays(lead, id);
        assertThat(against.get("valid").asBoolean()).isTrue();
        assertThat(against.get("checkpoint").get("chainSeq").asLong()).isEqualTo(6);
        assertThat(against.get("checkpoint").get("signatureValid").asBoolean()).isTrue();

        // a checkpoint whose head was altered no longer carries a valid signature
        Path file = export(lead, id, "untouched");
        ObjectNode forged = (ObjectNode) JSON.readTree(checkpoint);
        forged.put("headHash", "f".repeat(64));
        Verdict forgedResult = LedgerVerify.verify(file, forged.toString(), publicKey(lead));
        assertThat(forgedResult.checkpoint().signatureValid()).isFalse();
        assertThat(forgedResult.valid()).isFalse();
        assertThat(forgedResult.firstBreak().kind()).isEqualTo(Verdict.Kind.BAD_SIGNATURE);

        // an export cut short of the checkpoint is reported
        List<String> lines = Files.readAllLines(file);
        Path truncated = Files.write(dir.resolve("truncated.ndjson"), lines.subList(0, 4));
        Verdict cut = LedgerVerify.verify(truncated, checkpoint, publicKey(lead));
        assertThat(cut.firstBreak().kind()).isEqualTo(Verdict.Kind.TRUNCATED);
        assertThat(cut.firstBreak().chainSeq()).isEqualTo(5);

        // without the public key a checkpoint proves nothing: the command line refuses it
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(LedgerVerify.run(new String[]{file.toString(), file.toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("public key");
    }

    @Test
    void one_changed_payload_byte_is_reported_as_changed_at_its_position() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        long position = positions(lead, id).get(3);
        byte[] payload = payload(position);
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf("Decision 2") + "Decision ".length();
        payload[at] = '7'; // "Decision 2" becomes "Decision 7": still valid JSON, one byte different
        jdbc.sql("update domain_event_entry set payload = ? where global_index = ?").params(payload, position).update();

        assertBreak(verifyBothWays(lead, id), position, "CHANGED");
    }

    /**
     * An export writes stored payloads as they are where they are one JSON value on one line; anything else must
     * still give one valid JSON line per event, and the verdict the chain gives.
     */
    @Test
    void payloads_stored_on_several_lines_or_as_invalid_json_still_export_one_json_line_per_event() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        List<Long> positions = positions(lead, id);
        long pretty = positions.get(2);
        long broken = positions.get(4);
        byte[] payload = payload(pretty);
        byte[] multiLine = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(payload));
        assertThat(new String(multiLine, StandardCharsets.UTF_8)).contains("\n");
        jdbc.sql("update domain_event_entry set payload = ? where global_index = ?").params(multiLine, pretty).update();

        // the same JSON on several lines is the same canonical event: nothing broken, six lines exported
        assertThat(verifyBothWays(lead, id).get("valid").asBoolean()).isTrue();
        assertOneJsonObjectPerLine(export(lead, id, "reformatted"), 6);

        byte[] cut = payload(broken);
        jdbc.sql("update domain_event_entry set payload = ? where global_index = ?")
                .params(java.util.Arrays.copyOf(cut, cut.length / 2), broken).update();
        assertBreak(verifyBothWays(lead, id), broken, "CHANGED");
        assertOneJsonObjectPerLine(export(lead, id, "invalid"), 6);
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
        checkpoint(id);
        long position = positions(lead, id).get(2);
        jdbc.sql("delete from domain_event_entry where global_index = ?").params(position).update();

        assertBreak(verifyBothWays(lead, id), position, "MISSING");

        // an attacker who also removes the index row still leaves the chain's link: missing, at its chain position
        jdbc.sql("delete from engagement_event where global_index = ?").params(position).update();
        JsonNode gap = verifyBothWays(lead, id);
        assertThat(gap.get("firstBreak").get("kind").asText()).isEqualTo("MISSING");
        assertThat(gap.get("firstBreak").get("chainSeq").asLong()).isEqualTo(3);
        // and who removes the link too leaves a gap in the chain: missing, before the next event
        jdbc.sql("delete from event_chain where global_index = ?").params(position).update();
        JsonNode hole = verifyBothWays(lead, id);
        assertThat(hole.get("firstBreak").get("kind").asText()).isEqualTo("MISSING");
        assertThat(hole.get("firstBreak").get("chainSeq").asLong()).isEqualTo(3);
    }

    /** A swap of two events' recorded times changes both: the first in chain order is named, as CHANGED. */
    @Test
    void two_swapped_timestamps_are_reported_as_changed_at_the_first_of_them() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        List<Long> positions = positions(lead, id);
        long earlier = positions.get(2);
        long later = positions.get(4);
        String earlierTime = time(earlier);
        String laterTime = time(later);
        assertThat(earlierTime).isNotEqualTo(laterTime);
        jdbc.sql("update domain_event_entry set time_stamp = ? where global_index = ?").params(laterTime, earlier).update();
        jdbc.sql("update domain_event_entry set time_stamp = ? where global_index = ?").params(earlierTime, later).update();

        assertBreak(verifyBothWays(lead, id), earlier, "CHANGED");
    }

    @Test
    void an_event_inserted_around_the_chain_is_reported_as_unchained() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        long copied = positions(lead, id).get(5);
        String forgedId = UUID.randomUUID().toString();
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

        assertBreak(verifyBothWays(lead, id), forged, "UNCHAINED");
    }

    /** The line of the first decision proposal (the fourth event) of an export, as a JSON object. */
    private static final int PROPOSAL_LINE = 3;

    @Test
    void every_readable_field_edited_in_an_export_is_named_by_the_offline_verifier() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        Path export = export(lead, id, "readable");
        List<String> lines = Files.readAllLines(export);
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(PROPOSAL_LINE));
        Map<String, Consumer<ObjectNode>> edits = new LinkedHashMap<>();
        edits.put("actor", l -> l.put("actor", "mallory"));
        edits.put("actorName", l -> l.put("actorName", "Mallory"));
        edits.put("side", l -> l.put("side", "PARTNER"));
        edits.put("type", l -> l.put("type", "ledger.decision.reversed.v1"));
        edits.put("family", l -> l.put("family", "incident"));
        edits.put("correlationId", l -> l.put("correlationId", "forged-correlation"));
        edits.put("position", l -> l.put("position", l.get("position").asLong() + 1000));
        for (Map.Entry<String, Consumer<ObjectNode>> edit : edits.entrySet()) {
            ObjectNode edited = line.deepCopy();
            edit.getValue().accept(edited);
            List<String> copy = new ArrayList<>(lines);
            copy.set(PROPOSAL_LINE, edited.toString());
            Path file = Files.write(dir.resolve("edited-" + edit.getKey() + ".ndjson"), copy);
            Verdict result = LedgerVerify.verify(file, null, null);
            assertThat(result.valid()).as(edit.getKey()).isFalse();
            assertThat(result.firstBreak().chainSeq()).as(edit.getKey()).isEqualTo(line.get("chainSeq").asLong());
            assertThat(result.firstBreak().eventId()).as(edit.getKey()).isEqualTo(line.get("eventId").asText());
            assertThat(result.firstBreak().kind()).as(edit.getKey()).isEqualTo(Verdict.Kind.CHANGED);
        }
    }

    /**
     * Online, the readable fields come from the stored rows: the metadata (hashed), the history index's type and
     * the position all three tables share. An edit of any of them is named, by /verify and by ledger-verify alike.
     */
    @Test
    void every_readable_field_edited_in_the_store_is_named_by_verify_and_offline() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        long position = positions(lead, id).get(PROPOSAL_LINE);
        byte[] metadata = jdbc.sql("select meta_data from domain_event_entry where global_index = ?")
                .params(position).query(byte[].class).single();
        for (String key : List.of("actor", "actorName", "actorSide", "correlationId")) {
            ObjectNode edited = (ObjectNode) JSON.readTree(metadata);
            edited.put(key, "forged-" + key);
            jdbc.sql("update domain_event_entry set meta_data = ? where global_index = ?")
                    .params(JSON.writeValueAsBytes(edited), position).update();
            assertBreak(verifyBothWays(lead, id), position, "CHANGED");
        }
        jdbc.sql("update domain_event_entry set meta_data = ? where global_index = ?").params(metadata, position)
                .update();
        assertThat(verifyBothWays(lead, id).get("valid").asBoolean()).isTrue();

        // the type (and so the family) the history shows comes from its index
        jdbc.sql("update engagement_event set event_type = 'ledger.decision.reversed.v1' where global_index = ?")
                .params(position).update();
        assertBreak(verifyBothWays(lead, id), position, "CHANGED");
        jdbc.sql("update engagement_event set event_type = 'ledger.decision.proposed.v2' where global_index = ?")
                .params(position).update();

        // the position, moved consistently in every table that holds it
        long moved = jdbc.sql("select nextval('domain_event_entry_global_index_seq')").query(Long.class).single();
        for (String table : List.of("domain_event_entry", "engagement_event", "event_chain")) {
            jdbc.sql("update " + table + " set global_index = ? where global_index = ?").params(moved, position)
                    .update();
        }
        assertBreak(verifyBothWays(lead, id), moved, "CHANGED");
    }

    /**
     * The canonical form hashes the exact stored text: a lone surrogate is not folded into '?', so "a?b" cannot
     * become "a", U+D800, "b" or "a", U+DFFF, "b" unseen.
     */
    @Test
    void a_lone_surrogate_swapped_into_a_payload_is_reported_as_changed() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = lead.post("/engagements", Scenario.engagement("Surrogates")).id();
        assertThat(lead.post("/engagements/" + id + "/decisions",
                Scenario.decision("a?b", "PROCESS", "REVERSIBLE")).status()).isEqualTo(201);
        List<Long> positions = new ArrayList<>();
        lead.get("/engagements/" + id + "/history").json().get("items")
                .forEach(e -> positions.add(e.get("position").asLong()));
        long position = positions.get(1);
        for (String lone : List.of("\\ud800", "\\udfff")) {
            String text = new String(payload(position), StandardCharsets.UTF_8);
            String swapped = text.replaceFirst("\"a[^\"]*b\"", Matcher.quoteReplacement("\"a" + lone + "b\""));
            assertThat(swapped).isNotEqualTo(text);
            jdbc.sql("update domain_event_entry set payload = ? where global_index = ?")
                    .params(swapped.getBytes(StandardCharsets.UTF_8), position).update();

            assertBreak(verifyBothWays(lead, id), position, "CHANGED");
        }
    }

    @Test
    void a_rewritten_actor_with_a_recomputed_chain_and_head_is_changed_against_the_newest_checkpoint()
            throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        long position = positions(lead, id).get(PROPOSAL_LINE);
        byte[] metadata = jdbc.sql("select meta_data from domain_event_entry where global_index = ?")
                .params(position).query(byte[].class).single();
        String rewritten = new String(metadata, StandardCharsets.UTF_8).replace("lead-anna", "mallory");
        jdbc.sql("update domain_event_entry set meta_data = ? where global_index = ?")
                .params(rewritten.getBytes(StandardCharsets.UTF_8), position).update();
        relink(lead, id);
        // the rewrite is consistent: the chain alone no longer shows it
        assertThat(lead.get("/engagements/" + id + "/history").json().get("items").get(PROPOSAL_LINE).get("actor")
                .asText()).isEqualTo("mallory");

        // the signed head at chain position 6 is no longer the chain's hash there
        JsonNode verdict = verifyBothWays(lead, id);
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBreak").get("kind").asText()).as(verdict.toString()).isEqualTo("CHANGED");
        assertThat(verdict.get("firstBreak").get("chainSeq").asLong()).isEqualTo(6);

        // and the rewritten chain is not signed into a newer checkpoint, on demand or by the schedule
        Api.Response refused = admin().post("/admin/engagements/" + id + "/checkpoints", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("rule").asText()).isEqualTo("audit.chain.broken");
        // the head moves on; the schedule signs an untouched engagement (the marker) but not this one
        assertThat(lead.post("/engagements/" + id + "/decisions", Scenario.decision("After the rewrite",
                "PROCESS", "REVERSIBLE")).status()).isEqualTo(201);
        String untouched = engagementWithHistory(lead);
        checkpoints.signMovedHeads();
        assertThat(lead.get("/engagements/" + untouched + "/checkpoints").json().size()).isEqualTo(1);
        assertThat(lead.get("/engagements/" + id + "/checkpoints").json().size()).isEqualTo(1);
    }

    @Test
    void dropped_newest_events_with_the_head_moved_back_are_truncated_against_the_newest_checkpoint()
            throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        List<Long> positions = positions(lead, id);
        for (long position : positions.subList(4, 6)) {
            for (String table : List.of("domain_event_entry", "engagement_event", "event_chain")) {
                jdbc.sql("delete from " + table + " where global_index = ?").params(position).update();
            }
        }
        String hash = jdbc.sql("select hash from event_chain where engagement_id = ? and chain_seq = 4").params(id)
                .query(String.class).single();
        jdbc.sql("update event_chain_head set chain_seq = 4, hash = ? where engagement_id = ?").params(hash, id)
                .update();

        JsonNode verdict = verifyBothWays(lead, id);
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBreak").get("kind").asText()).as(verdict.toString()).isEqualTo("TRUNCATED");
        assertThat(verdict.get("firstBreak").get("chainSeq").asLong()).isEqualTo(5);
    }

    @Test
    void a_checkpoint_altered_in_the_store_fails_its_signature() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        jdbc.sql("update audit_checkpoint set head_hash = ? where engagement_id = ?").params("e".repeat(64), id)
                .update();

        JsonNode verdict = verifyBothWays(lead, id);
        assertThat(verdict.get("firstBreak").get("kind").asText()).as(verdict.toString()).isEqualTo("BAD_SIGNATURE");
        assertThat(verdict.get("checkpoint").get("signatureValid").asBoolean()).isFalse();
    }

    @Test
    void two_swapped_positions_give_the_same_first_break_online_and_offline() throws Exception {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        checkpoint(id);
        List<Long> positions = positions(lead, id);
        long first = positions.get(2);
        long second = positions.get(4);
        jdbc.sql("update domain_event_entry set global_index = -1 where global_index = ?").params(first).update();
        jdbc.sql("update domain_event_entry set global_index = ? where global_index = ?").params(first, second)
                .update();
        jdbc.sql("update domain_event_entry set global_index = ? where global_index = -1").params(second).update();

        assertBreak(verifyBothWays(lead, id), first, "CHANGED");
    }

    /** Signing on demand is an ADMIN's, for the engagements its token covers. */
    @Test
    void an_admin_signs_a_checkpoint_on_demand_and_no_other_role_or_engagement_can() {
        Api lead = api(TestTokens.lead("lead-anna"));
        String id = engagementWithHistory(lead);
        String other = lead.post("/engagements", Scenario.engagement("Elsewhere")).id();

        assertThat(lead.post("/admin/engagements/" + id + "/checkpoints", Map.of()).status()).isEqualTo(403);
        assertThat(api(TestTokens.token("admin-bob").roles("ADMIN").engagements(other).sign())
                .post("/admin/engagements/" + id + "/checkpoints", Map.of()).status()).isEqualTo(404);
        Api.Response signed = admin().post("/admin/engagements/" + id + "/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("chainSeq").asLong()).isEqualTo(6);
        assertThat(signed.json().get("algorithm").asText()).isEqualTo("Ed25519");
    }

    /**
     * What someone with write access to the database does to hide a rewrite: recompute every link of the chain from
     * the stored events, as the verifier will, and move the head, so that the chain alone verifies again.
     */
    private void relink(Api api, String id) throws Exception {
        String prev = CanonicalEvent.GENESIS;
        for (String line : Files.readAllLines(export(api, id, "relink"))) {
            HistoryEntry entry = JSON.readValue(line, HistoryEntry.class);
            String hash = entry.expectedHash(prev);
            jdbc.sql("update event_chain set prev_hash = ?, hash = ? where engagement_id = ? and chain_seq = ?")
                    .params(prev, hash, id, entry.chainSeq()).update();
            prev = hash;
        }
        jdbc.sql("update event_chain_head set hash = ? where engagement_id = ?").params(prev, id).update();
        assertThat(LedgerVerify.verify(export(api, id, "relinked"), null, null).valid()).isTrue();
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
