package com.engagementledger.benchmark;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real stack: embedded PostgreSQL and Kafka (ledger-embedded) and the three packaged services as child JVMs at
 * -Xmx512m with the parallel collector, as ledger-launcher starts them. The benchmark reaches the services only
 * through their REST API, actuator endpoints and Kafka topics; its raw baselines write to a database of its own.
 */
final class Stack {
    static final List<String> SERVICES = List.of("engagement-service", "scorecard-service", "notification-service");
    private static final String OWN_DATABASE = "ledger_bench";

    private record Service(Process process, int port, Path log) {
    }

    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    final String lead;
    final String partner;
    final String admin;
    final Http http = new Http();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Path work;
    private final LedgerInfrastructure infra;

    private Stack(Path work) throws JOSEException {
        this.work = work;
        this.lead = token("bench.lead", "CLIENT", "LEAD");
        this.partner = token("bench.partner", "PARTNER", "PARTNER");
        this.admin = token("bench.admin", "CLIENT", "ADMIN", "SERVICE");
        this.infra = LedgerInfrastructure.start(0, work.resolve("postgres"), 0, work.resolve("kafka"));
        infra.postgres().createDatabase(OWN_DATABASE);
    }

    static Stack start(Path home) throws Exception {
        Stack stack = new Stack(Files.createTempDirectory("ledger-bench-"));
        try {
            for (String module : SERVICES) {
                stack.launch(module, home.resolve(module).resolve("target").resolve(module + ".jar"));
            }
            for (String module : SERVICES) {
                stack.awaitHealthy(module, System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
            }
            return stack;
        } catch (Exception e) {
            stack.stop(false);
            throw e;
        }
    }

    private void launch(String module, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built (./mvnw -B -DskipTests package)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve(module + ".log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseParallelGC", "-jar", jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the per-client rate limit protects a shared service from one client; the benchmark's clients share a token
        // or two and measure capacity
        builder.environment().putAll(Map.of("SPRING_DATASOURCE_URL", infra.postgres().jdbcUrl("ledger_"
                        + module.split("-")[0]), "SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER,
                "SPRING_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD, "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                bootstrap(), "LEDGER_JWT_SECRET", secret, "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
                "LEDGER_API_RATELIMIT_ENABLED", "false"));
        services.put(module, new Service(builder.start(), port, log));
    }

    private void awaitHealthy(String module, long deadline) throws InterruptedException {
        Process process = services.get(module).process();
        Http.Answer last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            last = http.get(url(module) + "/actuator/health", null, "application/json");
            if (last.status() == 200 && last.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                System.out.println(module + " is UP at " + url(module));
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(module + (process.isAlive() ? " was not UP in time (" + last + ")"
                : " exited with code " + process.exitValue()) + "; see " + services.get(module).log());
    }

    /** An HS256 token as the services accept them (claims as in DESIGN.md), for every engagement. */
    private String token(String subject, String side, String... roles) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(subject).claim("name", subject).claim("side", side).claim("roles", List.of(roles))
                .claim("engagements", List.of("*")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(12 * 3600))).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    String url(String module) {
        return "http://127.0.0.1:" + services.get(module).port();
    }

    String bootstrap() {
        return infra.kafka().bootstrapServers();
    }

    /** A connection to the benchmark's own database: the raw baselines' tables live there. */
    Connection ownDatabase() throws SQLException {
        return DriverManager.getConnection(infra.postgres().jdbcUrl(OWN_DATABASE), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    /** Stops everything; the work directory (data and the services' logs) stays unless {@code deleteWork}. */
    void stop(boolean deleteWork) throws IOException, InterruptedException {
        services.values().forEach(service -> service.process().destroy());
        for (Service service : services.values()) {
            if (!service.process().waitFor(30, TimeUnit.SECONDS)) {
                service.process().destroyForcibly();
            }
        }
        infra.close();
        if (deleteWork) {
            Utils.delete(work.toFile());
        } else {
            System.out.println("Work directory kept: " + work);
        }
    }
}
