package com.engagementledger.launcher;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the whole Engagement Ledger on one machine: a real PostgreSQL and a real Kafka broker inside this process,
 * the three services as child JVMs, demo tokens per role, and optionally a twelve-week demo history.
 */
public final class Launcher {
    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final LauncherOptions options;
    private final PrintStream out;
    private final Object lock = new Object();
    private final List<ServiceProcess> running = new ArrayList<>();
    private LedgerInfrastructure infrastructure;
    private boolean stopping;

    Launcher(LauncherOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println("ledger-launcher: " + e.getMessage() + "\n");
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        try {
            new Launcher(options, System.out).run();
        } catch (RuntimeException e) {
            System.err.println("\nledger-launcher: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() {
        Path local = options.localDir();
        if (options.fresh()) {
            out.println("--fresh: deleting " + local);
            deleteRecursively(local);
        }
        Path logs = local.resolve("logs");
        createDirectories(logs);
        // before anything touches SLF4J, so that logback writes the infrastructure log beside the services' logs
        System.setProperty("ledger.log.dir", logs.toString());

        String secret = System.getenv("LEDGER_JWT_SECRET");
        boolean generatedSecret = secret == null || secret.isBlank();
        if (generatedSecret) {
            secret = DemoTokens.generateSecret();
        }
        DemoTokens tokens = new DemoTokens(secret);

        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "ledger-launcher-stop"));

        int postgresPort = preferredOrFree(POSTGRES_PORT, "PostgreSQL");
        int kafkaPort = preferredOrFree(KAFKA_PORT, "Kafka");
        out.println("Starting PostgreSQL and Kafka (data in " + local + ") …");
        LedgerInfrastructure infra = LedgerInfrastructure.start(postgresPort, local.resolve("postgres"),
                options.postgresSettings(), kafkaPort, local.resolve("kafka"));
        synchronized (lock) {
            infrastructure = infra;
            if (stopping) {
                return;
            }
        }
        out.println("  PostgreSQL on 127.0.0.1:" + infra.postgres().port() + " · Kafka on "
                + infra.kafka().bootstrapServers());

        Map<LedgerService, String> status = new LinkedHashMap<>();
        List<ServiceProcess> started = new ArrayList<>();
        if (options.noServices()) {
            LedgerService.ALL.forEach(s -> status.put(s, "not started (--no-services)"));
        } else {
            String java = ProcessHandle.current().info().command().orElse("java");
            for (LedgerService service : LedgerService.ALL) {
                Path jar = service.jar(options.home());
                if (!Files.isRegularFile(jar)) {
                    out.println("WARNING: " + service.module() + " is not built: " + jar + " does not exist; "
                            + "starting without it (build it with ./mvnw -B -q -DskipTests -pl " + service.module()
                            + " -am package)");
                    status.put(service, "MISSING: " + jar + " not built");
                    continue;
                }
                int port = preferredOrFree(service.defaultPort(), service.module());
                ServiceProcess process;
                synchronized (lock) {
                    if (stopping) {
                        return;
                    }
                    process = ServiceProcess.start(java, service, jar, port,
                            environment(infra, service, secret, port), logs);
                    running.add(process);
                }
                started.add(process);
                out.println("Starting " + service.module() + " on port " + port + " (pid " + process.pid()
                        + ", log " + process.log() + ") …");
            }
            for (ServiceProcess process : started) {
                try {
                    process.awaitHealthy(options.startTimeout());
                    status.put(process.service(), "UP");
                    out.println("  " + process.service().module() + " is UP at " + process.baseUrl());
                } catch (IllegalStateException e) {
                    status.put(process.service(), "FAILED (see " + process.log() + ")");
                    out.println("\nERROR: " + e.getMessage() + "\n");
                }
            }
        }

        Map<String, String> demo = Map.of();
        if (options.demo()) {
            ServiceProcess engagement = started.stream()
                    .filter(p -> p.service().equals(LedgerService.ENGAGEMENT)).findFirst().orElse(null);
            if (engagement == null || !"UP".equals(status.get(LedgerService.ENGAGEMENT))) {
                out.println("ERROR: --demo needs engagement-service, which is not running; no demo loaded");
            } else {
                demo = loadDemo(engagement, tokens);
            }
        }

        out.println(banner(infra, status, started, secret, generatedSecret, tokens.demoTokens(Instant.now()), demo));
        watch(started);
    }

    private Map<String, String> loadDemo(ServiceProcess engagement, DemoTokens tokens) {
        out.println("Loading the demo history through " + engagement.baseUrl() + " …");
        try {
            return demoHistory(engagement.baseUrl(), tokens, out).load();
        } catch (LedgerClient.DemoFailure e) {
            out.println("ERROR: the demo history stopped: " + e.getMessage());
            return Map.of();
        }
    }

    /** The demo story as --demo loads it: the demo identities' tokens, one Idempotency-Key prefix per day. */
    static DemoHistory demoHistory(String engagementUrl, DemoTokens tokens, PrintStream out) {
        Instant now = Instant.now();
        List<String> all = List.of("*");
        String lead = tokens.mint(DemoTokens.DEMO_IDENTITIES.get("LEAD"), now, Duration.ofHours(1));
        String cto = tokens.mint(new DemoTokens.Identity("tomas.cto", "Tomas Richter (client CTO)", "CLIENT",
                List.of("LEAD"), all), now, Duration.ofHours(1));
        String partner = tokens.mint(DemoTokens.DEMO_IDENTITIES.get("PARTNER"), now, Duration.ofHours(1));
        return new DemoHistory(new LedgerClient(engagementUrl, "ledger-demo-v1-" + LocalDate.now()), lead, cto,
                partner, out);
    }

    /** What each service reads: DESIGN.md's environment variables, the same for every service. */
    static Map<String, String> environment(LedgerInfrastructure infra, LedgerService service, String secret,
                                           int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", infra.postgres().jdbcUrl(service.database()));
        env.put("SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("LEDGER_JWT_SECRET", secret);
        env.put("PORT", Integer.toString(port));
        // a local run has no business phoning home; Axon's update checker only fills the log with stack traces
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // a local run delivers webhooks to receivers on this machine; production allow-lists nothing
        env.put("LEDGER_NOTIFICATION_WEBHOOKS_ALLOWEDHOSTS", "127.0.0.1,localhost");
        return env;
    }

    private String banner(LedgerInfrastructure infra, Map<LedgerService, String> status,
                          List<ServiceProcess> started, String secret, boolean generatedSecret,
                          Map<String, String> tokens, Map<String, String> demo) {
        Map<LedgerService, Integer> ports = new LinkedHashMap<>();
        started.forEach(p -> ports.put(p.service(), p.port()));
        StringBuilder b = new StringBuilder();
        String rule = "=".repeat(100);
        b.append('\n').append(rule).append('\n')
                .append(" Engagement Ledger is running.   Ctrl-C stops the services, Kafka and PostgreSQL.\n")
                .append(rule).append('\n');
        for (LedgerService service : LedgerService.ALL) {
            String url = "http://localhost:" + ports.getOrDefault(service, service.defaultPort());
            b.append(String.format(" %-22s %s   [%s]%n", service.module(), url, status.get(service)));
            switch (service.module()) {
                case "engagement-service" -> line(b, "API", url + "/engagements");
                case "scorecard-service" -> {
                    line(b, "dashboard", url + "/");
                    line(b, "API", url + "/scorecards");
                }
                case "notification-service" -> {
                    line(b, "alerts", url + "/alerts");
                    line(b, "alert stream (SSE)", url + "/alerts/stream");
                }
                default -> { }
            }
            line(b, "Swagger UI", url + "/swagger-ui.html");
            line(b, "health", url + "/actuator/health");
            line(b, "log", options.localDir().resolve("logs").resolve(service.module() + ".log").toString());
        }
        b.append(String.format(" %-22s %s  (also ledger_scorecard, ledger_notification; user postgres, "
                + "password postgres)%n", "PostgreSQL", infra.postgres().jdbcUrl("ledger_engagement")));
        b.append(String.format(" %-22s %s  (topics engagement.events.v1, governance.alerts.v1)%n", "Kafka",
                infra.kafka().bootstrapServers()));
        b.append(String.format(" %-22s %s%n", "LEDGER_JWT_SECRET", secret));
        if (generatedSecret) {
            b.append("   (generated for this run: export LEDGER_JWT_SECRET=").append(secret)
                    .append(" before the next start to keep tokens valid across restarts)\n");
        }
        if (!demo.isEmpty()) {
            b.append(" Demo engagements\n");
            demo.forEach((name, id) -> line(b, name, id));
        }
        b.append(rule).append('\n')
                .append(" Demo tokens (12 h, every engagement). Paste into a shell:\n");
        tokens.forEach((role, token) -> b.append("   export LEDGER_TOKEN_").append(role).append('=')
                .append(token).append('\n'));
        String engagementUrl = "http://localhost:" + ports.getOrDefault(LedgerService.ENGAGEMENT, 8081);
        b.append(" Try:\n")
                .append("   curl -s -H \"Authorization: Bearer $LEDGER_TOKEN_LEAD\" ").append(engagementUrl)
                .append("/engagements\n");
        if (!demo.isEmpty()) {
            String id = demo.values().iterator().next();
            b.append("   curl -s -H \"Authorization: Bearer $LEDGER_TOKEN_AUDITOR\" ").append(engagementUrl)
                    .append("/engagements/").append(id).append("/decisions\n");
        }
        b.append(rule);
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("   %-20s %s%n", label, value));
    }

    /** Keeps the launcher alive and says so when a service dies on its own. */
    private void watch(List<ServiceProcess> started) {
        List<ServiceProcess> reported = new ArrayList<>();
        while (true) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (lock) {
                if (stopping) {
                    return;
                }
            }
            for (ServiceProcess process : started) {
                if (!process.isAlive() && !reported.contains(process)) {
                    reported.add(process);
                    out.println("\nWARNING: " + process.service().module() + " stopped on its own. Last lines of "
                            + process.log() + ":\n" + process.tail(20));
                }
            }
        }
    }

    /** The shutdown hook: services first (they still need the broker and the database to stop cleanly). */
    void stopAll() {
        List<ServiceProcess> toStop;
        LedgerInfrastructure infra;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(running);
            infra = infrastructure;
        }
        if (toStop.isEmpty() && infra == null) {
            return;
        }
        out.println("\nStopping the Engagement Ledger …");
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess process : toStop) {
            Thread stopper = new Thread(() -> {
                process.stop(STOP_GRACE);
                out.println("  " + process.service().module() + " stopped");
            }, "stop-" + process.service().module());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (infra != null) {
            try {
                infra.close();
                out.println("  Kafka and PostgreSQL stopped");
            } catch (RuntimeException e) {
                out.println("  stopping Kafka/PostgreSQL failed: " + e.getMessage());
            }
        }
    }

    /** The preferred port when nothing listens on it, else a free one (with a note saying so). */
    int preferredOrFree(int preferred, String what) {
        if (isFree(preferred)) {
            return preferred;
        }
        int free = freePort();
        out.println("NOTE: port " + preferred + " is taken; " + what + " uses port " + free + " instead");
        return free;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
