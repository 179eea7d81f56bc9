package com.engagementledger.verify;

import com.engagementledger.audit.CanonicalEvent;
import com.engagementledger.audit.Checkpoint;
import com.engagementledger.audit.HistoryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An export, its signed checkpoint list and the public key, written as the service writes them (four linked
 * decision proposals), and tampered copies: what an auditor hands the verifier.
 */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path export;
    final Path checkpoints;
    final Path publicKey;
    final List<String> lines;

    Fixtures(Path dir) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
        lines = new ArrayList<>();
        String prev = CanonicalEvent.GENESIS;
        HistoryEntry last = null;
        for (int i = 1; i <= 4; i++) {
            JsonNode metadata = JSON.readTree("{\"actor\":\"lead-anna\",\"actorName\":\"Anna\",\"actorSide\":\"CLIENT\","
                    + "\"correlationId\":\"c-" + i + "\"}");
            JsonNode payload = JSON.readTree("{\"title\":\"Decision " + i + "\",\"category\":\"PROCESS\"}");
            last = HistoryEntry.stored(100 + i, null, null, null, null, "ledger.decision.proposed.v1", "e-" + i,
                    "d-" + i, 0, "2026-08-03T10:15:0" + i + ".000Z",
                    "com.engagementledger.contract.DecisionEvents$DecisionProposed", metadata, metadata, payload)
                    .linked(i, prev);
            prev = last.hash();
            lines.add(JSON.writeValueAsString(last));
        }
        export = Files.write(dir.resolve("export.ndjson"), lines);
        String signedAt = "2026-08-04T00:00:00Z";
        Signature signature = Signature.getInstance(Checkpoint.ALGORITHM);
        signature.initSign(keys.getPrivate());
        signature.update(Checkpoint.text("eng-1", 4, last.hash(), signedAt).getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = new Checkpoint(1L, "eng-1", 4, last.hash(), signedAt,
                Base64.getEncoder().encodeToString(signature.sign()), Checkpoint.keyIdOf(keys.getPublic()),
                Checkpoint.ALGORITHM);
        checkpoints = Files.writeString(dir.resolve("checkpoints.json"), JSON.writeValueAsString(List.of(checkpoint)));
        publicKey = Files.writeString(dir.resolve("public-key.json"), JSON.writeValueAsString(Map.of("keyId",
                checkpoint.keyId(), "algorithm", Checkpoint.ALGORITHM, "publicKey",
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))));
    }

    /** The export with line {@code index}'s {@code field} set to {@code value}. */
    Path edited(Path dir, int index, String field, String value) throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(index));
        line.put(field, value);
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, line.toString());
        return Files.write(dir.resolve("edited-" + field + ".ndjson"), copy);
    }

    /** The export without its last {@code dropped} lines. */
    Path truncated(Path dir, int dropped) throws Exception {
        return Files.write(dir.resolve("truncated.ndjson"), lines.subList(0, lines.size() - dropped));
    }
}
