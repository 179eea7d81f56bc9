package com.engagementledger.audit;

import java.nio.charset.StandardCharsets;

/**
 * A link's hash, by the link version stored with it. Version 1 hashed {@code prevHash "\n" canonical JSON}, with a
 * lone surrogate encoded as {@code ?}; it did not cover the event's position or published type. Version 2 (every
 * link written since) hashes {@code prevHash "\n" position "\n" type "\n"} followed by the exact canonical bytes, so
 * every field an export line shows is hashed or derived from what is. Stored chains keep their version: rehashing
 * them would erase the very evidence the chain exists for.
 */
public final class LinkHash {
    public static final int V1 = 1;
    public static final int V2 = 2;
    /** The version the service writes. */
    public static final int CURRENT = V2;

    private LinkHash() {
    }

    /** The hash of a link of {@code version}; an unknown version gives null (no hash can match it). */
    public static String of(int version, String prevHash, long position, String type, CanonicalEvent event) {
        return switch (version) {
            case V1 -> CanonicalEvent.sha256(prevHash + "\n" + event.legacyJson());
            case V2 -> {
                byte[] head = (prevHash + "\n" + position + "\n" + type + "\n").getBytes(StandardCharsets.UTF_8);
                byte[] body = event.canonicalBytes();
                byte[] text = new byte[head.length + body.length];
                System.arraycopy(head, 0, text, 0, head.length);
                System.arraycopy(body, 0, text, head.length, body.length);
                yield CanonicalEvent.sha256(text);
            }
            default -> null;
        };
    }
}
