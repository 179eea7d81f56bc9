package com.engagementledger.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the benchmark end to end in quick mode against the real stack, so that it never rots. Failsafe runs it after
 * the reactor has packaged the services' jars; a jar that is missing is an error of the table and fails the test.
 * It asserts the shape of the table and the absence of errors and lost events, never a timing.
 */
class BenchmarkQuickModeTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quickModeProducesEverySectionWithoutErrors() throws Exception {
        Path out = Files.createTempFile("ledger-bench", ".md");
        Options options = Options.parse("--quick", "--out", out.toString());

        Table table = new Benchmark(options).run();

        assertThat(table.errors).as("errors in the quick run").isEmpty();
        String markdown = Files.readString(out);
        assertThat(markdown).contains("1 append", "2 end-to-end", "3 history", "4 rebuild", "counts", "heap",
                "Errors: none");
        for (int clients : options.clients) {
            assertThat(markdown).contains(clients + " clients: commands/s");
        }
        // every event stored reached both consumers, and none was dead-lettered
        assertThat(table.rows).filteredOn(r -> r.section().equals("counts") && !r.target().isEmpty())
                .hasSize(3).allMatch(r -> r.met().equals("yes"));
        assertThat(table.rows).filteredOn(r -> r.section().equals("heap")).hasSize(3);
        // each target has both its figures: a verdict, whichever it is
        assertThat(table.rows).filteredOn(r -> !r.target().isEmpty()).hasSizeGreaterThanOrEqualTo(11)
                .allSatisfy(r -> assertThat(r.met()).isIn("yes", "**no**"));
        // the probes were timed to their alert on the topic (a probe without its alert would be an error above)
        assertThat(table.rows).filteredOn(r -> r.section().equals("2 end-to-end")).singleElement()
                .satisfies(r -> assertThat(r.measure()).doesNotContain("(0 probes"));
    }
}
