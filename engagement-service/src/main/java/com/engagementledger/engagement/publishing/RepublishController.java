package com.engagementledger.engagement.publishing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** ADMIN only (see SecurityConfig): re-publish the ledger from a global position for consumers that need a re-feed. */
@RestController
class RepublishController {
    private final Republication republication;

    RepublishController(Republication republication) {
        this.republication = republication;
    }

    /** Answers 202: the processor has been moved back and sends the events again in the background. */
    @PostMapping("/admin/republish")
    ResponseEntity<Republication.Plan> republish(@RequestParam long fromPosition) {
        return ResponseEntity.accepted().body(republication.republishFrom(fromPosition));
    }

    @ExceptionHandler(Republication.Refused.class)
    ProblemDetail refused(Republication.Refused e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.conflict() ? "Re-publication not possible now" : "Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "fromPosition", "rule", e.rule(),
                "message", e.getMessage())));
        return problem;
    }
}
