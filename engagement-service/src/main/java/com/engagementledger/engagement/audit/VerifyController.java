package com.engagementledger.engagement.audit;

import com.engagementledger.audit.ChainWalk;
import com.engagementledger.audit.Checkpoint;
import com.engagementledger.audit.Verdict;
import com.engagementledger.engagement.engagement.Engagements;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Tamper evidence: verify an engagement's chain against its newest signed checkpoint, sign its head (ADMIN), list
 * the signed checkpoints, serve the public key.
 */
@RestController
class VerifyController {
    /** A head that does not extend the newest checkpoint is not signed. */
    static final String CHAIN_BROKEN = "audit.chain.broken";

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

    /**
     * Walks the rows an export holds, in its order, as the ledger-verify jar walks the export itself, and checks the
     * chain against the newest checkpoint signed with this service's key.
     */
    @Operation(summary = "Verify the engagement's hash chain against its newest signed checkpoint")
    @GetMapping("/engagements/{engagementId}/verify")
    Verdict verify(Caller caller, @PathVariable String engagementId, HttpServletRequest http) {
        engagements.find(engagementId);
        reads.record(caller, engagementId, http);
        ChainWalk walk = ChainWalk.against(checkpoints.newest(engagementId).orElse(null), signer.key());
        events.verifiable(engagementId, walk::accept);
        return walk.finish();
    }

    /** Signs the chain's head now, after checking it still extends the newest checkpoint (409 when it does not). */
    @Operation(summary = "Sign the head of the engagement's hash chain as a new checkpoint")
    @PostMapping("/admin/engagements/{engagementId}/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Checkpoint> checkpoint(@PathVariable String engagementId) {
        engagements.find(engagementId);
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.sign(engagementId)
                    .orElseThrow(() -> ApiProblem.notFound("chain of engagement", engagementId)));
        } catch (Checkpoints.ChainBroken e) {
            throw ApiProblem.of(HttpStatus.CONFLICT, CHAIN_BROKEN, null, e.getMessage());
        }
    }

    @Operation(summary = "List the engagement's signed checkpoints")
    @GetMapping("/engagements/{engagementId}/checkpoints")
    List<Checkpoint> checkpoints(Caller caller, @PathVariable String engagementId,
                                             HttpServletRequest http) {
        engagements.find(engagementId);
        reads.record(caller, engagementId, http);
        return checkpoints.list(engagementId);
    }

    record PublicKey(String keyId, String algorithm, String publicKey, String format) {
    }

    @Operation(summary = "The public key that verifies this service's checkpoint signatures")
    @GetMapping("/audit/public-key")
    PublicKey publicKey() {
        return new PublicKey(signer.keyId(), Signer.ALGORITHM, signer.publicKey(), "X.509 SubjectPublicKeyInfo, base64");
    }
}
