package com.engagementledger.engagement.audit.offline;

import com.engagementledger.engagement.audit.HistoryEntry;
import com.engagementledger.engagement.audit.chain.ChainLink;
import com.engagementledger.engagement.audit.chain.ChainWalk;
import com.engagementledger.engagement.audit.chain.CheckpointText;
import com.engagementledger.engagement.audit.chain.Verdict;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies an NDJSON export of an engagement's history without the service or its database: recomputes the hash
 * chain from the lines, checks a signed checkpoint's Ed25519 signature with the public key, and checks the chain
 * passes through the checkpoint's head. Prints one JSON verdict; exit code 0 valid, 1 broken, 2 unusable input.
 * <pre>
 * java -cp engagement-service/target/engagement-service.jar \
 *   -Dloader.main=com.engagementledger.engagement.audit.offline.OfflineVerifier \
 *   org.springframework.boot.loader.launch.PropertiesLauncher export.ndjson [checkpoint.json public-key]
 * </pre>
 * The checkpoint is one item of GET /engagements/{id}/checkpoints (or the whole list: the last one is used); the
 * public key is the answer of GET /audit/public-key, or just its base64 X.509 text.
 */
public final class OfflineVerifier {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private OfflineVerifier() {
    }

    /** The verifier's answer: the chain's verdict and, when a checkpoint was given, whether its signature holds. */
    public record Result(Verdict verdict, Boolean checkpointSignatureValid) {
        public boolean valid() {
            return verdict.valid() && !Boolean.FALSE.equals(checkpointSignatureValid);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && args.length != 3) {
            err.println("usage: OfflineVerifier <export.ndjson> [<checkpoint.json> <public-key-file>]");
            return 2;
        }
        try {
            Result result = args.length == 1 ? verify(Path.of(args[0]), null, null)
                    : verify(Path.of(args[0]), Files.readString(Path.of(args[1])), Files.readString(Path.of(args[2])));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return result.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Verifies the export; checkpoint and public key may both be null (chain only). */
    public static Result verify(Path export, String checkpointJson, String publicKeyText) throws IOException {
        JsonNode checkpoint = null;
        Boolean signatureValid = null;
        if (checkpointJson != null) {
            checkpoint = JSON.readTree(checkpointJson);
            if (checkpoint.isArray()) {
                checkpoint = checkpoint.get(checkpoint.size() - 1);
            }
            signatureValid = signatureHolds(checkpoint, publicKey(publicKeyText));
        }
        ChainWalk walk = checkpoint == null ? new ChainWalk() : new ChainWalk(checkpoint.get("chainSeq").asLong());
        // the export is in global order; chain order differs only where two appends raced, so a small buffer
        // puts lines back into chain order without holding the export in memory
        TreeMap<Long, ChainLink> pending = new TreeMap<>();
        long next = 1;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                HistoryEntry entry = JSON.readValue(line, HistoryEntry.class);
                ChainLink link = entry.link();
                if (link == null) {
                    walk.acceptUnchained(entry.position(), entry.eventId());
                    continue;
                }
                pending.put(link.chainSeq(), link);
                while (!pending.isEmpty() && pending.firstKey() == next) {
                    walk.accept(pending.pollFirstEntry().getValue());
                    next++;
                }
            }
        }
        for (Map.Entry<Long, ChainLink> left : pending.entrySet()) {
            walk.accept(left.getValue());
        }
        return new Result(walk.finish(checkpoint == null ? null : checkpoint.get("headHash").asText()), signatureValid);
    }

    private static boolean signatureHolds(JsonNode checkpoint, PublicKey key) {
        String text = CheckpointText.of(checkpoint.get("engagementId").asText(), checkpoint.get("chainSeq").asLong(),
                checkpoint.get("headHash").asText(), checkpoint.get("signedAt").asText());
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey publicKey(String text) throws IOException {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            trimmed = ((ObjectNode) JSON.readTree(trimmed)).get("publicKey").asText();
        }
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(trimmed)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509, base64)", e);
        }
    }
}
