package com.engagementledger.system.support;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system, once per test JVM: the embedded PostgreSQL and Kafka of this JVM and the three packaged service
 * jars as child JVMs on free ports. Test classes share it and leave it running and healthy.
 */
public final class SystemStack {
    public static final String TOPIC = "engagement.events.v1";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final String SECRET = "system-test-secret-of-at-least-32-bytes-0123456789";
    private static volatile SystemStack shared;

    private final LedgerInfrastructure infra;
    private final ServiceJvm engagement;
    private final ServiceJvm scorecard;
    private final ServiceJvm notification;
    private final Tokens tokens = new Tokens(SECRET);

    private SystemStack(LedgerInfrastructure infra, ServiceJvm engagement, ServiceJvm scorecard,
                        ServiceJvm notification) {
        this.infra = infra;
        this.engagement = engagement;
        this.scorecard = scorecard;
        this.notification = notification;
    }

    public static SystemStack shared() {
        if (shared == null) {
            synchronized (SystemStack.class) {
                if (shared == null) {
                    shared = startAll();
                }
            }
        }
        return shared;
    }

    private static SystemStack startAll() {
        Path home = Path.of(System.getProperty("ledger.home", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("ledger.logs", "target/service-logs")).toAbsolutePath();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        ServiceJvm engagement = service(home, logs, infra, "engagement-service", "ledger_engagement", Map.of());
        // Compressed retry windows, so that a database outage of a few seconds outlasts them: a connection is waited
        // for 3 s (Hikari's default is 30 s) and a failing message is retried for 3 s (0.5 + 1 + 2 s; default: 10 s)
        // before it is dead-lettered, about 12 s in all with the connection waits; a database that cannot be reached
        // (or that chose the transaction as a deadlock victim) is retried every 2 s without end.
        Map<String, String> scorecardEnv = Map.of(
                "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "3000",
                "LEDGER_KAFKA_RETRY_MAXELAPSED", "3s",
                "LEDGER_KAFKA_RETRY_DATABASEUNAVAILABLEINTERVAL", "2s");
        ServiceJvm scorecard = service(home, logs, infra, "scorecard-service", "ledger_scorecard", scorecardEnv);
        Map<String, String> notificationEnv = Map.of(
                "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "3000",
                "LEDGER_NOTIFICATION_CONSUMER_RETRY_MAXELAPSED", "3s",
                "LEDGER_NOTIFICATION_CONSUMER_RETRY_DATABASEUNAVAILABLEINTERVAL", "2s",
                // webhooks to the test's own receiver on loopback must pass the SSRF guard
                "LEDGER_NOTIFICATION_WEBHOOKS_ALLOWEDHOSTS", "127.0.0.1");
        ServiceJvm notification = service(home, logs, infra, "notification-service", "ledger_notification",
                notificationEnv);
        SystemStack stack = new SystemStack(infra, engagement, scorecard, notification);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.all().forEach(ServiceJvm::kill),
                "system-stack-stop"));
        stack.all().forEach(ServiceJvm::start);
        stack.all().forEach(s -> s.awaitHealthy(START_TIMEOUT));
        return stack;
    }

    private static ServiceJvm service(Path home, Path logs, LedgerInfrastructure infra, String module,
                                      String database, Map<String, String> extra) {
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run ./mvnw -B -q -DskipTests package -pl "
                    + module + " -am first (./mvnw verify packages the services before this module)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", infra.postgres().jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("LEDGER_JWT_SECRET", SECRET);
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.putAll(extra);
        return new ServiceJvm(module, jar, freePort(), env, logs);
    }

    public LedgerInfrastructure infra() {
        return infra;
    }

    public ServiceJvm engagement() {
        return engagement;
    }

    public ServiceJvm scorecard() {
        return scorecard;
    }

    public ServiceJvm notification() {
        return notification;
    }

    public List<ServiceJvm> all() {
        return List.of(engagement, scorecard, notification);
    }

    public Tokens tokens() {
        return tokens;
    }

    public Http engagementApi(String token) {
        return new Http(engagement.baseUrl(), token);
    }

    public Http scorecardApi() {
        return new Http(scorecard.baseUrl(), tokens.admin());
    }

    public Http notificationApi() {
        return new Http(notification.baseUrl(), tokens.admin());
    }

    /** A JDBC connection to one service's database (the test reads them to check what each service stored). */
    public Connection connect(String database) {
        try {
            return DriverManager.getConnection(infra.postgres().jdbcUrl(database), EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database, e);
        }
    }

    /** Restarts the given services in parallel (start all, then wait for each). */
    public void startAndAwait(ServiceJvm... services) {
        for (ServiceJvm s : services) {
            s.start();
        }
        for (ServiceJvm s : services) {
            s.awaitHealthy(START_TIMEOUT);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
