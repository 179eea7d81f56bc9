package com.engagementledger.engagement.web;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;

/** Page requests are capped so that nobody can ask for everything at once; answers are support.web.Page. */
public final class Paging {
    private Paging() {
    }

    public static int size(Integer requested, int max) {
        if (requested == null) {
            return Math.min(50, max);
        }
        if (requested < 1) {
            throw ApiProblem.invalidParameter("size", FieldRule.RANGE, "size must be at least 1");
        }
        return Math.min(requested, max);
    }

    public static int page(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0) {
            throw ApiProblem.invalidParameter("page", FieldRule.RANGE, "page must be 0 or more");
        }
        return requested;
    }
}
