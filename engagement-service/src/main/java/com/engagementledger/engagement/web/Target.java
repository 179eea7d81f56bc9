package com.engagementledger.engagement.web;

/**
 * The resource a command answers for: its view (kind and id), whose new version is the answer's version and ETag,
 * and the id the answer names (a part of a resource, such as a workstream, is named by its own id and versioned by
 * the resource that holds it).
 */
public record Target(String kind, String id, String answerId) {

    public static Target of(String kind, String id) {
        return new Target(kind, id, id);
    }

    /** A part of this resource, answered by its own id. */
    public Target part(String partId) {
        return new Target(kind, id, partId);
    }

    /** Whether this is a part of a resource that exists (and has a version) rather than a resource of its own. */
    boolean isPart() {
        return !id.equals(answerId);
    }
}
