package com.engagementledger.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A signed checkpoint of an engagement's chain, as the service lists it and an auditor keeps it: the Ed25519
 * signature covers {@link #text()}, i.e. the engagement, the chain position, the head hash there and the time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checkpoint(Long id, String engagementId, long chainSeq, String headHash, String signedAt,
                         String signature, String keyId, String algorithm) {
    public static final String ALGORITHM = "Ed25519";

    /** The exact text the signature covers. */
    public String text() {
        return text(engagementId, chainSeq, headHash, signedAt);
    }

    public static String text(String engagementId, long chainSeq, String headHash, String signedAt) {
        return "engagement-ledger checkpoint v1\n" + engagementId + "\n" + chainSeq + "\n" + headHash + "\n" + signedAt;
    }

    /** Whether the signature holds for {@link #text()} under {@code key}. */
    public boolean signatureHolds(PublicKey key) {
        if (signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 public key from its X.509 SubjectPublicKeyInfo, base64. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509, base64)", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key (X.509, base64): short, stable, public. */
    public static String keyIdOf(PublicKey key) {
        return CanonicalEvent.sha256(Base64.getEncoder().encodeToString(key.getEncoded())).substring(0, 16);
    }
}
