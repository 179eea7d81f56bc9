package com.engagementledger.intake;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.engagementledger.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The real engagement-service for intake's tests: its packaged jar in a child JVM (the reactor packages it before
 * this module), on this JVM's PostgreSQL and Kafka, verifying the test tokens' secret. Its port is fixed when the
 * class loads, so intake's context can point at it before it runs; it is started by the first test that needs it
 * and can be stopped and started again to play an outage.
 */
public final class EngagementServiceJvm {
    public static final int PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Process process;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EngagementServiceJvm::stop, "engagement-service-stop"));
    }

    private EngagementServiceJvm() {
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    /** Starts it unless it runs, and waits until it is healthy. */
    public static synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path jar = Path.of(System.getProperty("ledger.engagement-service.jar",
                "../engagement-service/target/engagement-service.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run ./mvnw -pl intake-service -am verify");
        }
        Path logs = Path.of(System.getProperty("ledger.logs", "target/service-logs"));
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBin, "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + PORT))
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "SPRING_DATASOURCE_URL", infra.postgres().jdbcUrl("ledger_engagement"),
                "SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER,
                "SPRING_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers(),
                "LEDGER_JWT_SECRET", TestTokens.SECRET,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        try {
            Files.createDirectories(logs);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("engagement-service.log").toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("engagement-service did not start", e);
        }
        await("engagement-service healthy (log in " + logs + ")").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("engagement-service exited, see " + logs);
                    }
                    return healthy();
                });
    }

    /** SIGTERM, as an orchestrator stops it; waits until it is gone. */
    public static synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl()
                    + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
