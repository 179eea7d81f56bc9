package com.engagementledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a stored event that the hash chain covers. The service (when it appends and when it
 * verifies) and the ledger-verify jar both use this one class, so an export can be checked without the service.
 * <p>
 * Canonical JSON: object keys sorted at every level, no insignificant whitespace, numbers as Jackson writes them,
 * UTF-8. {@code recordedAt} is the store's time_stamp text exactly as stored, so no date formatting can drift.
 * {@link #canonicalBytes()} loses nothing: a lone UTF-16 surrogate is written as its JSON escape (as the event store
 * wrote it), not replaced, so "a", U+D800, "b" and "a", U+DFFF, "b" and "a?b" stay three different texts.
 */
public record CanonicalEvent(String eventId, String payloadType, String aggregateId, long sequence,
                             String recordedAt, JsonNode metadata, JsonNode payload) {
    /** The previous hash of the first link of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Valid surrogate pairs as 4-byte UTF-8 (what a String's UTF-8 bytes hold); lone surrogates escaped. */
    private static final ObjectWriter EXACT = JSON.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    /** The canonical JSON as UTF-8 bytes, exactly: what link version 2 hashes. */
    public byte[] canonicalBytes() {
        try {
            return EXACT.writeValueAsBytes(tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical JSON as text; its UTF-8 encoding is {@link #canonicalBytes()}. */
    public String canonicalJson() {
        return new String(canonicalBytes(), StandardCharsets.UTF_8);
    }

    /**
     * The text link version 1 hashed: the canonical JSON as a Java string, whose UTF-8 encoding turns a lone
     * surrogate into {@code ?}. Kept only so that links stored before version 2 keep verifying.
     */
    String legacyJson() {
        try {
            return JSON.writeValueAsString(tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode tree() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("aggregateId", aggregateId);
        node.put("eventId", eventId);
        node.set("metadata", sorted(metadata));
        node.set("payload", sorted(payload));
        node.put("payloadType", payloadType);
        node.put("recordedAt", recordedAt);
        node.put("sequence", sequence);
        return node;
    }

    /** Parses stored JSON bytes (payload or metadata); null or empty becomes JSON null. */
    public static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // a payload that no longer parses has been altered: hash its bytes as text so the link breaks visibly
            return JsonNodeFactory.instance.textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    /** SHA-256 of the bytes, as lowercase hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the text's UTF-8 encoding, as lowercase hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return NullNode.getInstance();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(String::compareTo);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
