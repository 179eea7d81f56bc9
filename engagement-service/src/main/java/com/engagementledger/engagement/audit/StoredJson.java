package com.engagementledger.engagement.audit;

import com.engagementledger.audit.CanonicalEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Stored JSON (an event's payload or metadata) for an export. Parsing every payload into a tree only to write the
 * tree back out was a third of an NDJSON export's CPU; where the stored bytes are exactly one JSON
 * value on one line they are written as they are. Anything else (bytes altered into invalid JSON, trailing text, a
 * line break that would split an NDJSON line) takes the parsed path, so an export always holds one valid JSON line
 * per event and a tampered payload reaches the verifier as the chain sees it. Both paths read back to the same tree,
 * which is what the canonical form hashes.
 */
final class StoredJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private StoredJson() {
    }

    static JsonNode asWritten(byte[] json) {
        if (json == null || json.length == 0 || !oneValueOnOneLine(json)) {
            return CanonicalEvent.parse(json);
        }
        return JsonNodeFactory.instance.rawValueNode(new RawValue(new String(json, StandardCharsets.UTF_8)));
    }

    /** Tokenizes without building anything: one value, nothing after it, no line break anywhere. */
    static boolean oneValueOnOneLine(byte[] json) {
        for (byte b : json) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
