package com.engagementledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Small chains built the way the service links them, and checkpoints signed with a key of the test's own. */
final class Chains {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROPOSED = "ledger.decision.proposed.v1";
    static final String PROPOSED_CLASS = "com.engagementledger.contract.DecisionEvents$DecisionProposed";

    private Chains() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A decision proposal at {@code position}, by {@code actor}, not yet linked. */
    static HistoryEntry proposal(long position, String actor, String title) {
        JsonNode metadata = json("{\"actor\":\"" + actor + "\",\"actorName\":\"Anna\",\"actorSide\":\"CLIENT\","
                + "\"correlationId\":\"c-" + position + "\"}");
        JsonNode payload = json("{\"title\":\"" + title + "\",\"category\":\"PROCESS\"}");
        return HistoryEntry.stored(position, null, null, null, null, PROPOSED, "e-" + position, "d-" + position, 0,
                "2026-08-03T10:15:" + (10 + position) + ".000Z", PROPOSED_CLASS, metadata, metadata, payload);
    }

    /** {@code count} proposals linked into one chain from the genesis hash. */
    static List<HistoryEntry> chain(int count) {
        List<HistoryEntry> entries = new ArrayList<>();
        String prev = CanonicalEvent.GENESIS;
        for (int i = 1; i <= count; i++) {
            HistoryEntry linked = proposal(10L * i, "lead-anna", "Decision " + i).linked(i, prev);
            entries.add(linked);
            prev = linked.hash();
        }
        return entries;
    }

    static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checkpoint of {@code entry}'s chain position and hash, signed with {@code keys}. */
    static Checkpoint signed(KeyPair keys, HistoryEntry entry) {
        return signed(keys, entry.chainSeq(), entry.hash());
    }

    static Checkpoint signed(KeyPair keys, long chainSeq, String hash) {
        String at = "2026-08-04T00:00:00Z";
        try {
            Signature signature = Signature.getInstance(Checkpoint.ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(Checkpoint.text("eng-1", chainSeq, hash, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Checkpoint(1L, "eng-1", chainSeq, hash, at,
                    Base64.getEncoder().encodeToString(signature.sign()), Checkpoint.keyIdOf(keys.getPublic()),
                    Checkpoint.ALGORITHM);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Verdict walk(ChainWalk walk, List<HistoryEntry> entries) {
        entries.forEach(walk::accept);
        return walk.finish();
    }
}
