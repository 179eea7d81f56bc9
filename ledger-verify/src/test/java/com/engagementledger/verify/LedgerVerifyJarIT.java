package com.engagementledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged target/ledger-verify.jar, run as an auditor runs it ({@code java -jar}, nothing else on the class
 * path): it verifies an export against a checkpoint, names a break, and holds no Spring and no database driver.
 */
class LedgerVerifyJarIT {
    private static final Path JAR = Path.of(System.getProperty("ledger.verify.jar", "target/ledger-verify.jar"));

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void the_jar_verifies_an_export_against_a_checkpoint_and_names_a_break() throws Exception {
        Fixtures fixtures = new Fixtures(dir);
        Run valid = java(fixtures.export.toString(), fixtures.checkpoints.toString(), fixtures.publicKey.toString());
        assertThat(valid.exit()).as(valid.err()).isZero();
        assertThat(Fixtures.JSON.readTree(valid.out()).get("valid").asBoolean()).isTrue();

        Run broken = java(fixtures.edited(dir, 1, "type", "ledger.decision.reversed.v1").toString(),
                fixtures.checkpoints.toString(), fixtures.publicKey.toString());
        assertThat(broken.exit()).as(broken.err()).isEqualTo(1);
        JsonNode at = Fixtures.JSON.readTree(broken.out()).get("firstBreak");
        assertThat(at.get("kind").asText()).isEqualTo("CHANGED");
        assertThat(at.get("eventId").asText()).isEqualTo("e-2");

        assertThat(java().exit()).isEqualTo(2);
    }

    @Test
    void the_jar_holds_no_spring_and_no_database_driver() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("com/engagementledger/verify/LedgerVerify.class",
                    "com/engagementledger/audit/ChainWalk.class");
            assertThat(names).noneMatch(name -> name.startsWith("org/springframework/")
                    || name.startsWith("org/postgresql/") || name.startsWith("org/apache/kafka/"));
        }
    }
}
