package com.engagementledger.engagement.publishing;

import com.engagementledger.support.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (all of /admin is): re-publish the ledger from a global position for consumers that need a re-feed. */
@RestController
class RepublishController {
    private final Republication republication;

    RepublishController(Republication republication) {
        this.republication = republication;
    }

    /** Answers 202: the processor has been moved back and sends the events again in the background. */
    @Operation(summary = "Publish the events again from a global position (202: in the background)")
    @PostMapping("/admin/republish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Republication.Plan> republish(@RequestParam long fromPosition) {
        return ResponseEntity.accepted().body(republication.republishFrom(fromPosition));
    }

    @ExceptionHandler(Republication.Refused.class)
    ProblemDetail refused(Republication.Refused e) {
        return (e.conflict() ? ApiProblem.of(HttpStatus.CONFLICT, e.rule(), "fromPosition", e.getMessage())
                : ApiProblem.invalidParameter("fromPosition", e.rule(), e.getMessage())).toProblemDetail();
    }
}
