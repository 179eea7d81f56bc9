package com.engagementledger.engagement.audit;

import com.engagementledger.audit.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs checkpoints: from ledger.audit.signing-key (PKCS#8, base64) and
 * ledger.audit.public-key (X.509, base64), or generated at start-up for local runs (its public key is logged and
 * served at /audit/public-key; checkpoints signed by it verify only as long as the auditor kept that key).
 */
@Component
class Signer {
    private static final Logger log = LoggerFactory.getLogger(Signer.class);
    static final String ALGORITHM = Checkpoint.ALGORITHM;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    Signer(@Value("${ledger.audit.signing-key:}") String signingKey,
           @Value("${ledger.audit.public-key:}") String publicKeyText) throws GeneralSecurityException {
        if (signingKey.isBlank()) {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            privateKey = pair.getPrivate();
            publicKey = pair.getPublic();
            log.warn("ledger.audit.signing-key is not set: checkpoints are signed with a key generated for this run; "
                    + "public key (X.509, base64): {}", encodedPublicKey(publicKey));
        } else {
            if (publicKeyText.isBlank()) {
                throw new IllegalStateException("ledger.audit.public-key must be set with ledger.audit.signing-key");
            }
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.strip())));
            publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyText.strip())));
            if (!verify(publicKey, "key check", sign("key check"))) {
                throw new IllegalStateException("ledger.audit.public-key does not belong to ledger.audit.signing-key");
            }
        }
        keyId = Checkpoint.keyIdOf(publicKey);
    }

    String sign(String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String keyId() {
        return keyId;
    }

    String publicKey() {
        return encodedPublicKey(publicKey);
    }

    /** The public key that checks this signer's checkpoints. */
    PublicKey key() {
        return publicKey;
    }

    static boolean verify(PublicKey key, String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String encodedPublicKey(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
