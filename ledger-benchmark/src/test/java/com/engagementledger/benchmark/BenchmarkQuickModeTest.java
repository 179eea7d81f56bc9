package com.engagementledger.benchmark;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the instrument end to end in quick mode against the real stack, so that it never rots. It asserts the shape
 * of the table and the absence of errors and lost events, never a timing target.
 */
class BenchmarkQuickModeTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quickModeProducesEverySectionWithoutErrors() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        for (String module : new String[]{"engagement-service", "scorecard-service", "notification-service"}) {
            Assumptions.assumeTrue(Files.isRegularFile(home.resolve(module).resolve("target").resolve(module + ".jar")),
                    module + " is not packaged (the benchmark test runs after the services' package phase)");
        }
        Path out = Files.createTempFile("ledger-bench", ".md");
        Options options = Options.parse("--quick", "--home", home.toString(), "--out", out.toString(),
                "--append-seconds", "2", "--e2e-seconds", "3", "--e2e-warm-up-max-seconds", "3", "--pg-statements");

        Table table = new Benchmark(options).run();

        assertThat(table.errors).as("errors in the quick run").isEmpty();
        String markdown = Files.readString(out);
        assertThat(markdown).contains("1 append", "2 end-to-end", "3 rebuild", "4 history", "heap", "GC", "counts",
                "Errors: none");
        for (int clients : options.clients) {
            assertThat(markdown).contains(clients + " clients: commands/s");
        }
        assertThat(table.rows).filteredOn(r -> r.section().equals("counts") && r.measure().startsWith("processed"))
                .hasSize(2).allMatch(r -> r.met().equals("yes"));
        assertThat(table.rows).filteredOn(r -> r.section().equals("heap")).hasSize(3);
        // the raw round trip is measured twice: before the probes, and in the same seconds as them
        assertThat(table.rows).filteredOn(r -> r.measure().contains("raw round trip measured in the same seconds"))
                .singleElement().satisfies(r -> assertThat(r.raw()).matches("[0-9.,]+ ms / [0-9.,]+ ms"));
        // each probe's rows are noted as they commit (LISTEN/NOTIFY); a probe never seen would be an error above
        assertThat(table.rows).filteredOn(r -> r.measure().startsWith("accepted → alert raised p50 (")
                        || r.measure().startsWith("accepted → scorecard read model p50 ("))
                .hasSize(2).allSatisfy(r -> assertThat(r.measure()).doesNotContain("(0 probes)"));
        // the probes' warm-up waits on every JVM's JIT, the benchmark's own included
        assertThat(table.notes).filteredOn(n -> n.startsWith("end-to-end: the probes' warm-up")).singleElement()
                .asString().contains("engagement-service", "notification-service", "benchmark JVM")
                .doesNotContain("n/a");
        // what autovacuum did while the probes were timed is named per database, even when it was nothing
        assertThat(table.notes).filteredOn(n -> n.startsWith("end-to-end: PostgreSQL's autovacuum")).singleElement()
                .asString().contains("engagement: ", "scorecard: ", "notification: ");
        // --pg-statements: PostgreSQL's account of each recorded level names the event store's insert
        assertThat(table.notes).filteredOn(n -> n.startsWith("append, 8 clients, PostgreSQL's statements"))
                .singleElement().asString().contains("calls per command", "domain_event_entry");
        // each service exposes its JIT's time, so the compilers' share of a level is on record
        assertThat(table.notes).filteredOn(n -> n.startsWith("append, the services' JIT compilers"))
                .singleElement().asString().contains("engagement-service", "per command").doesNotContain("n/a");
        assertThat(table.notes).filteredOn(n -> n.startsWith("asOf engagement, PostgreSQL's statements"))
                .singleElement().asString().contains("calls per request");
        // every read of the asOf rows says how long it was warmed up
        assertThat(table.notes).filteredOn(n -> n.startsWith("asOf reads: warmed up")).singleElement().asString()
                .contains("GET the engagement's current view", "asOf engagement", "asOf decisions list");
    }
}
