package com.engagementledger.launcher;

import com.engagementledger.embedded.LedgerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --demo} through engagement-service's real API, on real PostgreSQL and Kafka: a second start finds the demo
 * engagements and loads nothing again, even when a local data directory kept across runs holds more than one page
 * of other engagements (it once read only the first 200 and failed on its own Idempotency-Keys).
 */
class DemoHistoryTest {
    @TempDir
    static Path dir;
    static LedgerInfrastructure infra;
    static ServiceProcess engagement;
    static DemoTokens tokens;

    @BeforeAll
    static void start() {
        infra = LedgerInfrastructure.start(Launcher.freePort(), dir.resolve("postgres"), Launcher.freePort(),
                dir.resolve("kafka"));
        String secret = DemoTokens.generateSecret();
        tokens = new DemoTokens(secret);
        int port = Launcher.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        // the jar the reactor built before this module, run as --demo runs it
        engagement = ServiceProcess.start(java, LedgerService.ENGAGEMENT, LedgerService.ENGAGEMENT.jar(Path.of("..")),
                port, Launcher.environment(infra, LedgerService.ENGAGEMENT, secret, port), dir);
        engagement.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (engagement != null) {
            engagement.stop(Duration.ofSeconds(10));
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void a_second_start_finds_the_demo_behind_more_than_a_page_of_engagements() {
        // 201 engagements before the demo and 201 after: whichever way the list is ordered, the demo is not on page 0
        openOthers(201);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Map<String, String> loaded = Launcher.demoHistory(engagement.baseUrl(), tokens, print(first)).load();
        openOthers(201);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Map<String, String> found = Launcher.demoHistory(engagement.baseUrl(), tokens, print(second)).load();

        assertThat(loaded).containsOnlyKeys(DemoHistory.CHECKOUT, DemoHistory.MIGRATION);
        assertThat(found).as(second.toString(StandardCharsets.UTF_8)).isEqualTo(loaded);
        assertThat(second.toString(StandardCharsets.UTF_8))
                .contains("\"" + DemoHistory.CHECKOUT + "\" is already in the ledger")
                .contains("\"" + DemoHistory.MIGRATION + "\" is already in the ledger")
                .doesNotContain("loaded (");
        LedgerClient api = new LedgerClient(engagement.baseUrl(), "check");
        assertThat(api.get(lead(), "/engagements?size=1").path("totalItems").asLong()).isEqualTo(404);
    }

    private static void openOthers(int count) {
        LedgerClient api = new LedgerClient(engagement.baseUrl(), "others-" + UUID.randomUUID());
        for (int i = 0; i < count; i++) {
            api.post(lead(), "/engagements", LedgerClient.body("name", "Other engagement " + i,
                    "clientName", "Acme Retail", "partnerName", "Nearshore Labs", "model", "DEDICATED_TEAM",
                    "managementStructure", "SHARED", "contractType", "TIME_AND_MATERIALS",
                    "clientTimeZone", "Europe/Berlin", "partnerTimeZone", "Asia/Kolkata", "overlapStart", "09:00",
                    "overlapEnd", "13:00", "coveragePattern", "HALF_DAY_OVERLAP", "startDate",
                    LocalDate.now().toString()));
        }
    }

    private static String lead() {
        return tokens.mint(DemoTokens.DEMO_IDENTITIES.get("LEAD"), Instant.now(), Duration.ofHours(1));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
