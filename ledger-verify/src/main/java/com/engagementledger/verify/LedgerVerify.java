package com.engagementledger.verify;

import com.engagementledger.audit.ChainWalk;
import com.engagementledger.audit.Checkpoint;
import com.engagementledger.audit.HistoryEntry;
import com.engagementledger.audit.Verdict;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The auditors' verifier: checks an NDJSON export of an engagement's history without the service or its database.
 * It recomputes the hash chain line by line, checks every readable field against what is hashed, checks a signed
 * checkpoint's Ed25519 signature with the public key, and checks that the chain reaches the checkpoint and ends in
 * its head hash there. It prints the same verdict JSON as {@code GET /engagements/{id}/verify}; exit code 0 valid,
 * 1 broken, 2 unusable input.
 * <pre>
 * java -jar ledger-verify.jar export.ndjson [checkpoint.json public-key.json]
 * </pre>
 * The checkpoint is one item of {@code GET /engagements/{id}/checkpoints} (or the whole list: the newest, i.e. last,
 * is used); the public key is the answer of {@code GET /audit/public-key}, or just its base64 X.509 text.
 */
public final class LedgerVerify {
    static final String USAGE = "usage: java -jar ledger-verify.jar <export.ndjson> [<checkpoint.json> <public-key>]"
            + "\n  A checkpoint is only worth its signature: give the public key with it.";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private LedgerVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Verifies, prints the verdict to {@code out}, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && args.length != 3) {
            err.println(USAGE);
            return 2;
        }
        try {
            Verdict verdict = args.length == 1 ? verify(Path.of(args[0]), null, null)
                    : verify(Path.of(args[0]), Files.readString(Path.of(args[1])), Files.readString(Path.of(args[2])));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(verdict));
            return verdict.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Verifies the export; checkpoint and public key are both null (chain only) or both given. */
    public static Verdict verify(Path export, String checkpointJson, String publicKeyText) throws IOException {
        ChainWalk walk = checkpointJson == null ? new ChainWalk()
                : ChainWalk.against(checkpoint(checkpointJson), publicKey(publicKeyText));
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    walk.accept(JSON.readValue(line, HistoryEntry.class));
                }
            }
        }
        return walk.finish();
    }

    private static Checkpoint checkpoint(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException("the checkpoint list is empty");
            }
            node = node.get(node.size() - 1);
        }
        return JSON.treeToValue(node, Checkpoint.class);
    }

    private static PublicKey publicKey(String text) throws IOException {
        if (text == null) {
            throw new IllegalArgumentException("a checkpoint needs the public key that checks its signature");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            JsonNode key = JSON.readTree(trimmed).get("publicKey");
            if (key == null) {
                throw new IllegalArgumentException("the public key file has no publicKey field");
            }
            trimmed = key.asText();
        }
        return Checkpoint.publicKey(trimmed);
    }
}
