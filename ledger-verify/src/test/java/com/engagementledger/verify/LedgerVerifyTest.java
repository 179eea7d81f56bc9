package com.engagementledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: the verdict JSON on standard output and the exit code an auditor's script branches on. */
class LedgerVerifyTest {
    @TempDir
    Path dir;

    private record Run(int exit, JsonNode verdict, String err) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LedgerVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, printed.isBlank() ? null : Fixtures.JSON.readTree(printed),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void an_untouched_export_verifies_against_its_checkpoint_with_exit_code_0() throws Exception {
        Fixtures fixtures = new Fixtures(dir);
        Run run = run(fixtures.export.toString(), fixtures.checkpoints.toString(), fixtures.publicKey.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.verdict().get("valid").asBoolean()).isTrue();
        assertThat(run.verdict().get("events").asLong()).isEqualTo(4);
        assertThat(run.verdict().get("checkpoint").get("signatureValid").asBoolean()).isTrue();
        assertThat(run.verdict().get("firstBreak").isNull()).isTrue();
    }

    @Test
    void an_edited_line_is_named_with_exit_code_1() throws Exception {
        Fixtures fixtures = new Fixtures(dir);
        Run run = run(fixtures.edited(dir, 2, "actor", "mallory").toString(), fixtures.checkpoints.toString(),
                fixtures.publicKey.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.verdict().get("firstBreak").get("kind").asText()).isEqualTo("CHANGED");
        assertThat(run.verdict().get("firstBreak").get("chainSeq").asLong()).isEqualTo(3);
        assertThat(run.verdict().get("firstBreak").get("eventId").asText()).isEqualTo("e-3");
        assertThat(run.verdict().get("firstBreak").get("detail").asText()).contains("actor");
    }

    @Test
    void an_export_cut_short_of_its_checkpoint_is_truncated() throws Exception {
        Fixtures fixtures = new Fixtures(dir);
        Run run = run(fixtures.truncated(dir, 1).toString(), fixtures.checkpoints.toString(),
                fixtures.publicKey.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.verdict().get("firstBreak").get("kind").asText()).isEqualTo("TRUNCATED");
        assertThat(run.verdict().get("firstBreak").get("chainSeq").asLong()).isEqualTo(4);
    }

    @Test
    void wrong_arguments_or_unreadable_input_give_exit_code_2() throws Exception {
        Fixtures fixtures = new Fixtures(dir);
        assertThat(run().exit()).isEqualTo(2);
        Run withoutKey = run(fixtures.export.toString(), fixtures.checkpoints.toString());
        assertThat(withoutKey.exit()).isEqualTo(2);
        assertThat(withoutKey.err()).contains("public key");
        assertThat(run(dir.resolve("absent.ndjson").toString()).exit()).isEqualTo(2);
        Path garbage = Files.writeString(dir.resolve("garbage.ndjson"), "not json\n");
        assertThat(run(garbage.toString()).exit()).isEqualTo(2);
    }
}
