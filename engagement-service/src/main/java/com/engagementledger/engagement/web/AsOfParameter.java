package com.engagementledger.engagement.web;

/**
 * The {@code asOf} query parameter of the reads that audit.AsOfController answers as they stood at a past instant. The
 * document shows it on those reads (one operation per path and method) rather than as operations of its own.
 */
public final class AsOfParameter {
    public static final String NAME = "asOf";
    public static final String DESCRIPTION = "An ISO-8601 instant: the answer as it stood then, replayed from the "
            + "engagement's events (the read is recorded in the audit-read log)";

    private AsOfParameter() {
    }
}
