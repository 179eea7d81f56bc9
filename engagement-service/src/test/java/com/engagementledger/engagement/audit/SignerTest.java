package com.engagementledger.engagement.audit;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint key: configured (PKCS#8 + X.509, base64) or generated; a public key of another pair is refused. */
class SignerTest {

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void a_configured_key_signs_what_its_public_key_verifies() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signer signer = new Signer(b64(pair.getPrivate().getEncoded()), b64(pair.getPublic().getEncoded()));
        String signature = signer.sign("checkpoint text");
        assertThat(signer.publicKey()).isEqualTo(b64(pair.getPublic().getEncoded()));
        assertThat(Signer.verify(pair.getPublic(), "checkpoint text", signature)).isTrue();
        assertThat(Signer.verify(pair.getPublic(), "checkpoint text!", signature)).isFalse();
        assertThat(signer.keyId()).hasSize(16);
    }

    @Test
    void a_public_key_of_another_pair_is_refused_at_start_up() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThatThrownBy(() -> new Signer(b64(pair.getPrivate().getEncoded()), b64(other.getPublic().getEncoded())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void without_configuration_a_key_is_generated_and_its_public_half_published() throws Exception {
        Signer signer = new Signer("", "");
        var publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(signer.publicKey())));
        assertThat(Signer.verify(publicKey, "x", signer.sign("x"))).isTrue();
    }
}
