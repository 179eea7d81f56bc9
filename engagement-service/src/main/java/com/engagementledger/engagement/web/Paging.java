package com.engagementledger.engagement.web;

import java.util.List;

/** Page requests are capped so that nobody can ask for everything at once. */
public final class Paging {
    private Paging() {
    }

    /** A page of results with enough to ask for the next one. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public static int size(Integer requested, int max) {
        if (requested == null) {
            return Math.min(50, max);
        }
        if (requested < 1) {
            throw new ProblemHandler.BadRequest("size", "min", "size must be at least 1");
        }
        return Math.min(requested, max);
    }

    public static int page(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0) {
            throw new ProblemHandler.BadRequest("page", "min", "page must be 0 or more");
        }
        return requested;
    }
}
