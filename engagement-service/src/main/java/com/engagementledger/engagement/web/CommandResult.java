package com.engagementledger.engagement.web;

/** What a successful command answers: the resource's id and its new version (also sent as the ETag). */
public record CommandResult(String id, long version) {
}
