package com.engagementledger.intake.connection;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook secrets at rest: AES-GCM (the JDK's own provider) with a fresh 96-bit nonce per encryption and the
 * connection's id as associated data, so a ciphertext copied onto another connection's row does not decrypt. The
 * stored form is a version byte, the nonce and the ciphertext with its tag; the version leaves room for a key
 * rotation.
 */
@Component
class SecretCipher {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<Integer> KEY_BYTES = Set.of(16, 24, 32);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(ConnectionProperties properties) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(properties.secretKey() == null ? "" : properties.secretKey().strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (!KEY_BYTES.contains(bytes.length)) {
            throw new IllegalStateException("LEDGER_INTAKE_SECRET_KEY (ledger.intake.secret-key) must be the base64 "
                    + "of a 16, 24 or 32 byte AES key, e.g. `openssl rand -base64 32`");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(UUID connection, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, connection, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    String decrypt(UUID connection, byte[] stored) {
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("the webhook secret of connection " + connection + " is not readable");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, connection, nonce);
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a wrong key, or a ciphertext that was altered or moved to another row
            throw new IllegalStateException("the webhook secret of connection " + connection
                    + " does not decrypt with the configured key", e);
        }
    }

    private Cipher cipher(int mode, UUID connection, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(connection.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
