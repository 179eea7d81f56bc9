package com.engagementledger.engagement.audit;

import com.engagementledger.support.openapi.AlsoAnswers;
import com.engagementledger.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * ADMINs list the recorded auditor reads (the shared rules limit /admin/** to ADMIN), oldest first, by cursor. The
 * token's engagements bind an ADMIN as any role: one scoped to some engagements sees their reads only, and another
 * engagement asked for is not found.
 */
@RestController
class AuditReadsController {
    private final AuditReads reads;

    AuditReadsController(AuditReads reads) {
        this.reads = reads;
    }

    record ReadsPage(List<AuditReads.Read> items, @Nullable Long nextCursor) {
    }

    @Operation(summary = "List the recorded auditor reads, oldest first, by cursor")
    @GetMapping("/admin/audit-reads")
    @AlsoAnswers(404)
    ReadsPage list(Caller caller, @RequestParam(required = false) String engagement,
                   @RequestParam(required = false) String actor, @RequestParam(required = false) String after,
                   @RequestParam(required = false) String limit) {
        if (engagement != null) {
            caller.requireEngagement(engagement, "engagement", engagement);
        }
        int size = HistoryFilter.limit(limit, 1000);
        List<String> scope = caller.seesAll() ? null : List.copyOf(caller.engagements());
        List<AuditReads.Read> items = reads.list(engagement, actor, scope, HistoryFilter.position("after", after),
                size);
        return new ReadsPage(items, items.size() == size ? items.get(items.size() - 1).id() : null);
    }
}
