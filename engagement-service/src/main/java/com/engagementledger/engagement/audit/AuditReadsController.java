package com.engagementledger.engagement.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** ADMINs list the recorded auditor reads (SecurityConfig limits /admin/** to ADMIN), oldest first, by cursor. */
@RestController
class AuditReadsController {
    private final AuditReads reads;

    AuditReadsController(AuditReads reads) {
        this.reads = reads;
    }

    record ReadsPage(List<AuditReads.Read> items, Long nextCursor) {
    }

    @GetMapping("/admin/audit-reads")
    ReadsPage list(@RequestParam(required = false) String engagement, @RequestParam(required = false) String actor,
                   @RequestParam(required = false) String after, @RequestParam(required = false) String limit) {
        int size = HistoryFilter.limit(limit, 1000);
        List<AuditReads.Read> items = reads.list(engagement, actor, HistoryFilter.position("after", after), size);
        return new ReadsPage(items, items.size() == size ? items.get(items.size() - 1).id() : null);
    }
}
