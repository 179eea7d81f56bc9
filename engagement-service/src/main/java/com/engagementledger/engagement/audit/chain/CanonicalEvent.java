package com.engagementledger.engagement.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a stored event that the hash chain covers. The service (when it appends and when it
 * verifies) and the offline verifier both use this one class, so an export can be checked without the service.
 * <p>
 * Canonical JSON: object keys sorted at every level, no insignificant whitespace, numbers as Jackson writes them.
 * {@code recordedAt} is the store's time_stamp text exactly as stored, so no date formatting can drift.
 */
public record CanonicalEvent(String eventId, String payloadType, String aggregateId, long sequence,
                             String recordedAt, JsonNode metadata, JsonNode payload) {
    /** The previous hash of the first link of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    public String canonicalJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("aggregateId", aggregateId);
        node.put("eventId", eventId);
        node.set("metadata", sorted(metadata));
        node.set("payload", sorted(payload));
        node.put("payloadType", payloadType);
        node.put("recordedAt", recordedAt);
        node.put("sequence", sequence);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link's hash: SHA-256 over the previous hash, a newline and the canonical JSON, as lowercase hex. */
    public String hash(String prevHash) {
        return sha256(prevHash + "\n" + canonicalJson());
    }

    public CanonicalEvent withRecordedAt(String otherTime) {
        return new CanonicalEvent(eventId, payloadType, aggregateId, sequence, otherTime, metadata, payload);
    }

    /** Parses stored JSON bytes (payload or metadata); null or empty becomes JSON null. */
    public static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            // a payload that no longer parses has been altered: hash its bytes as text so the link breaks visibly
            return JsonNodeFactory.instance.textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
