package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.audit.chain.ChainWalk;
import com.engagementledger.engagement.audit.chain.Verdict;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Tamper evidence: recompute an engagement's chain, sign its head, list the signed checkpoints, the public key. */
@RestController
class VerifyController {
    private final Engagements engagements;
    private final StoredEvents events;
    private final Checkpoints checkpoints;
    private final Signer signer;
    private final AuditReads reads;

    VerifyController(Engagements engagements, StoredEvents events, Checkpoints checkpoints,
                     Signer signer, AuditReads reads) {
        this.engagements = engagements;
        this.events = events;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.reads = reads;
    }

    @GetMapping("/engagements/{engagementId}/verify")
    Verdict verify(Caller caller, @PathVariable String engagementId, HttpServletRequest http) {
        engagements.find(engagementId);
        reads.record(caller, engagementId, http);
        ChainWalk walk = new ChainWalk();
        events.chain(engagementId, walk::accept);
        events.unchained(engagementId, walk::acceptUnchained);
        return walk.finish();
    }

    @PostMapping("/engagements/{engagementId}/checkpoints")
    ResponseEntity<Checkpoints.Checkpoint> checkpoint(@PathVariable String engagementId) {
        engagements.find(engagementId);
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.sign(engagementId)
                .orElseThrow(() -> ApiProblem.notFound("chain of engagement", engagementId)));
    }

    @GetMapping("/engagements/{engagementId}/checkpoints")
    List<Checkpoints.Checkpoint> checkpoints(Caller caller, @PathVariable String engagementId,
                                             HttpServletRequest http) {
        engagements.find(engagementId);
        reads.record(caller, engagementId, http);
        return checkpoints.list(engagementId);
    }

    record PublicKey(String keyId, String algorithm, String publicKey, String format) {
    }

    @GetMapping("/audit/public-key")
    PublicKey publicKey() {
        return new PublicKey(signer.keyId(), Signer.ALGORITHM, signer.publicKey(), "X.509 SubjectPublicKeyInfo, base64");
    }
}
