package com.engagementledger.benchmark;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the real stack (embedded PostgreSQL and Kafka, the three services as child JVMs at -Xmx512m), loads it,
 * and prints one table in which every ledger figure stands beside a raw PostgreSQL or Kafka figure measured on the
 * same machine in the same run.
 */
public final class Benchmark {
    static final String[][] SERVICES = {
            {"engagement-service", "ledger_engagement"},
            {"scorecard-service", "ledger_scorecard"},
            {"notification-service", "ledger_notification"}};

    final Options options;
    final Table table = new Table();
    final Http http = new Http();
    final Tokens tokens = new Tokens();
    final String lead;
    final String partner;
    final String admin;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, Double> peakHeapMb = new ConcurrentHashMap<>();
    final OwnPauses ownPauses = OwnPauses.start();
    LedgerInfrastructure infra;
    Path work;
    long injectedEvents;
    double appendMax = Double.NaN;
    /** Null unless {@code --pg-statements}. */
    StatementProfile statements;
    private ScheduledExecutorService sampler;
    private final List<String> loads = new ArrayList<>();
    private final Instant started = Instant.now();

    Benchmark(Options options) {
        this.options = options;
        this.lead = tokens.mint("bench.lead", "CLIENT", "LEAD");
        this.partner = tokens.mint("bench.partner", "PARTNER", "PARTNER");
        this.admin = tokens.mint("bench.admin", "CLIENT", "ADMIN", "SERVICE");
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("ledger-benchmark: " + e.getMessage() + "\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        Table table = new Benchmark(options).run();
        System.exit(table.errors.isEmpty() ? 0 : 1);
    }

    /** Runs every section; never throws for a failed section: the failure is an error row of the table. */
    Table run() {
        try {
            startStack();
            section("append", () -> new AppendSection(this).run());
            section("end-to-end", () -> new EndToEndSection(this).run());
            section("rebuild", () -> new RebuildSection(this).run());
            section("history", () -> new HistorySection(this).run());
            section("counts", this::finalCounts);
            section("heap/GC", this::heapAndGc);
        } catch (RuntimeException e) {
            table.error("stack: " + e.getMessage());
        } finally {
            stopStack();
        }
        table.note("1-minute load average of the machine at the start of each section (the stack's own threads plus any other work): "
                + String.join(", ", loads) + "; at the end " + loadAverage());
        String header = "# Engagement Ledger benchmark\n\n" + "Run " + started + " · " + machine() + "\n\n"
                + "Volumes: " + options.volumes() + "\n\n";
        String markdown = header + table.markdown();
        System.out.println("\n" + "=".repeat(100) + "\n" + markdown + "=".repeat(100));
        if (options.out != null) {
            try {
                Files.writeString(options.out, markdown, StandardCharsets.UTF_8);
                System.out.println("table written to " + options.out.toAbsolutePath());
            } catch (IOException e) {
                System.err.println("could not write " + options.out + ": " + e);
            }
        }
        return table;
    }

    interface Body {
        void run() throws Exception;
    }

    private void section(String name, Body body) {
        if (!name.equals("counts") && !name.equals("heap/GC") && !options.sections.contains(name)) {
            return;
        }
        System.out.println("\n== " + name + " (" + Instant.now() + ", load average " + loadAverage() + ")");
        loads.add(name + " " + loadAverage());
        for (ServiceProcess p : services.values()) {
            if (!p.isAlive()) {
                table.error(p.module + " is not running before section " + name + ":\n" + p.tail(20));
                return;
            }
        }
        try {
            body.run();
        } catch (Exception e) {
            table.error(name + ": " + e);
            e.printStackTrace(System.out);
        }
    }

    // ---------------------------------------------------------------- the stack

    private void startStack() {
        try {
            work = Files.createTempDirectory("ledger-bench-");
            Files.createDirectories(work.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Work directory " + work + " · " + options.volumes());
        for (String[] s : SERVICES) {
            Path jar = options.home.resolve(s[0]).resolve("target").resolve(s[0] + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is not built (./mvnw -B -q -DskipTests package), or pass --home");
            }
        }
        Map<String, String> postgresConfig = new LinkedHashMap<>(
                options.pgStatements ? StatementProfile.SERVER_CONFIG : Map.of());
        postgresConfig.putAll(options.pgSettings);
        infra = LedgerInfrastructure.start(0, work.resolve("postgres"), postgresConfig, 0, work.resolve("kafka"));
        System.out.println("PostgreSQL on " + infra.postgres().port() + ", Kafka on " + infra.kafka().bootstrapServers());
        if (options.pgStatements) {
            statements = StatementProfile.install(this);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String[] s : SERVICES) {
            int port = freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SPRING_DATASOURCE_URL", infra.postgres().jdbcUrl(s[1]));
            env.put("SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("SPRING_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
            env.put("LEDGER_JWT_SECRET", tokens.secret);
            env.put("PORT", Integer.toString(port));
            env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            // the per-client limit (200 requests/s per token) protects a shared service from one client; the
            // benchmark's clients share a token or two and measure capacity, so it is off (--env can turn it on)
            env.put("LEDGER_API_RATELIMIT_ENABLED", "false");
            env.putAll(options.env);
            List<String> jvm = new ArrayList<>(List.of("-XX:+Use" + options.serviceGc + "GC"));
            if (options.gcLog) {
                // wall-clock stamps, to line a pause up with a slow probe of the run's notes
                jvm.add("-Xlog:gc:file=" + work.resolve("logs").resolve(s[0] + "-gc.log")
                        + ":utctime,uptime,level,tags");
            }
            if (options.jfr) {
                jvm.add("-XX:StartFlightRecording=filename=" + work.resolve("logs").resolve(s[0] + ".jfr")
                        + ",settings=profile,dumponexit=true");
            }
            Path jar = options.home.resolve(s[0]).resolve("target").resolve(s[0] + ".jar");
            services.put(s[0], ServiceProcess.start(java, s[0], s[1], jar, port, env, work.resolve("logs"), jvm));
            System.out.println("Starting " + s[0] + " on " + port);
        }
        for (ServiceProcess p : services.values()) {
            p.awaitHealthy(Duration.ofSeconds(300));
            System.out.println("  " + p.module + " is UP");
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sampleHeap, 0, options.quick ? 1000 : 2000, TimeUnit.MILLISECONDS);
    }

    private void stopStack() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        services.values().parallelStream().forEach(p -> p.stop(Duration.ofSeconds(20)));
        if (infra != null) {
            try {
                infra.close();
            } catch (RuntimeException e) {
                System.out.println("stopping PostgreSQL/Kafka: " + e);
            }
        }
        if (work != null && !options.keep && table.errors.isEmpty()) {
            deleteRecursively(work);
        } else if (work != null) {
            System.out.println("Work directory (data and logs) kept: " + work);
        }
    }

    ServiceProcess engagement() {
        return services.get("engagement-service");
    }

    ServiceProcess scorecard() {
        return services.get("scorecard-service");
    }

    ServiceProcess notification() {
        return services.get("notification-service");
    }

    Connection db(String database) throws SQLException {
        return DriverManager.getConnection(infra.postgres().jdbcUrl(database), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    long count(String database, String sql) {
        try (Connection c = db(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long storedEvents() {
        return count("ledger_engagement", "select count(*) from domain_event_entry");
    }

    long scorecardProcessed() {
        return count("ledger_scorecard", "select count(*) from processed_event where generation = "
                + "(select max(id) from generation where state = 'ACTIVE')");
    }

    long notificationProcessed() {
        return count("ledger_notification", "select count(*) from processed_event");
    }

    /** Waits until both consumers processed every stored and every injected event; answers the seconds it took. */
    double awaitConsumers(String why, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long expected = -1;
        long sc = -1;
        long nt = -1;
        long lastPrint = 0;
        while (System.nanoTime() < deadline) {
            long counting = System.nanoTime();
            expected = storedEvents() + injectedEvents;
            sc = scorecardProcessed();
            nt = notificationProcessed();
            if (sc >= expected && nt >= expected) {
                return (System.nanoTime() - start) / 1e9;
            }
            // count(*) over a million processed ids takes PostgreSQL tens of ms: keep the polling under a fifth
            // of the time, or the benchmark slows the consumers it waits for
            long countMillis = (System.nanoTime() - counting) / 1_000_000;
            if (System.nanoTime() - lastPrint > 10e9) {
                System.out.printf("  waiting (%s): expected %d, scorecard %d, notification %d%n", why, expected, sc, nt);
                lastPrint = System.nanoTime();
            }
            sleep(Math.max(200, 4 * countMillis));
        }
        table.error("consumers did not catch up (" + why + ") within " + timeout.toSeconds() + " s: expected "
                + expected + ", scorecard processed " + sc + ", notification processed " + nt);
        return Double.NaN;
    }

    // ---------------------------------------------------------------- heap, GC, counts

    private void sampleHeap() {
        for (ServiceProcess p : services.values()) {
            try {
                double heap = heapBytes(p);
                if (!Double.isNaN(heap)) {
                    peakHeapMb.merge(p.module, heap / 1024 / 1024, Math::max);
                }
            } catch (RuntimeException e) {
                // a missed sample is not an error; the next one comes soon
            }
        }
    }

    /**
     * Heap used (all heap pools) from {@code /actuator/metrics/jvm.memory.used?tag=area:heap}, which costs the service
     * one meter; a service that exposes only Prometheus is scraped instead (a whole scrape costs far more CPU).
     */
    double heapBytes(ServiceProcess p) {
        Double heap = meter(p, "jvm.memory.used?tag=area:heap");
        return heap != null ? heap : prometheus(p).getOrDefault("heap", Double.NaN);
    }

    /** The first measurement of an actuator meter; null when the service does not expose /actuator/metrics. */
    private Double meter(ServiceProcess p, String meter) {
        Http.Answer a = http.get(p.baseUrl() + "/actuator/metrics/" + meter, admin, "application/json");
        return a.status() == 200 ? a.json().path("measurements").path(0).path("value").asDouble(Double.NaN) : null;
    }

    /**
     * Each service's JIT compilation time so far, ms ({@code jvm.compilation.time}, else from Prometheus); NaN where
     * it is not exposed.
     */
    Map<String, Double> compilationMillis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        services.forEach((module, p) -> {
            Double jit = meter(p, "jvm.compilation.time");
            millis.put(module, jit != null ? jit : prometheus(p).get("jitMillis"));
        });
        return millis;
    }

    /** {@link #compilationMillis()} and this JVM's own: it hosts the Kafka broker and the probes' clients. */
    Map<String, Double> compilationMillisWithOwn() {
        Map<String, Double> millis = compilationMillis();
        millis.put("benchmark JVM", (double) java.lang.management.ManagementFactory.getCompilationMXBean()
                .getTotalCompilationTime());
        return millis;
    }

    /** The compilation time since {@code before}, per service: ms per unit of work. */
    String compilationSince(Map<String, Double> before, long units, String unit) {
        Map<String, Double> now = compilationMillis();
        List<String> parts = new ArrayList<>();
        now.forEach((module, ms) -> parts.add(module + " " + Table.f((ms - before.getOrDefault(module, Double.NaN))
                / Math.max(1, units), "ms") + " per " + unit));
        return String.join(", ", parts);
    }

    /** GC pause seconds and count from {@code /actuator/metrics/jvm.gc.pause}, else from Prometheus. */
    Map<String, Double> gc(ServiceProcess p) {
        Http.Answer a = http.get(p.baseUrl() + "/actuator/metrics/jvm.gc.pause", admin, "application/json");
        if (a.status() == 200) {
            Map<String, Double> m = new LinkedHashMap<>();
            a.json().path("measurements").forEach(x -> {
                if ("TOTAL_TIME".equals(x.path("statistic").asText())) m.put("gcSeconds", x.path("value").asDouble());
                if ("COUNT".equals(x.path("statistic").asText())) m.put("gcCount", x.path("value").asDouble());
            });
            return m;
        }
        return prometheus(p);
    }

    /** heap (bytes used, all heap pools), gcSeconds, gcCount, jitMillis (NaN if absent), from /actuator/prometheus. */
    Map<String, Double> prometheus(ServiceProcess p) {
        Http.Answer a = http.get(p.baseUrl() + "/actuator/prometheus", admin, "text/plain");
        if (a.status() != 200) {
            throw new IllegalStateException(p.module + " /actuator/prometheus answered " + a.status());
        }
        double heap = 0;
        double gcSeconds = 0;
        double gcCount = 0;
        double jitMillis = Double.NaN;
        boolean sawHeap = false;
        for (String line : a.body().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += value;
                sawHeap = true;
            } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
                gcSeconds += value;
            } else if (line.startsWith("jvm_gc_pause_seconds_count{")) {
                gcCount += value;
            } else if (line.startsWith("jvm_compilation_time_ms_total")) {
                jitMillis = value;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        if (sawHeap) {
            m.put("heap", heap);
        }
        m.put("gcSeconds", gcSeconds);
        m.put("gcCount", gcCount);
        m.put("jitMillis", jitMillis);
        return m;
    }

    private void finalCounts() {
        awaitConsumers("final count", options.catchUp());
        long stored = storedEvents();
        long expected = stored + injectedEvents;
        long sc = scorecardProcessed();
        long nt = notificationProcessed();
        long dlt = new KafkaTools(infra.kafka().bootstrapServers()).endOffsetSum("engagement.events.v1.dlt");
        table.add("counts", "events stored (REST) + produced directly", stored + " + " + injectedEvents, "", "", "", "");
        table.add("counts", "processed by scorecard (active generation)", Long.toString(sc), Long.toString(expected),
                Table.ratio(sc, expected), "= expected", Table.yesNo(sc == expected));
        table.add("counts", "processed by notification", Long.toString(nt), Long.toString(expected),
                Table.ratio(nt, expected), "= expected", Table.yesNo(nt == expected));
        table.add("counts", "dead-lettered (engagement.events.v1.dlt)", Long.toString(dlt), "0", "", "0",
                Table.yesNo(dlt == 0));
        if (sc != expected || nt != expected) {
            table.error("lost or extra events: expected " + expected + ", scorecard " + sc + ", notification " + nt);
        }
        if (dlt > 0) {
            table.error(dlt + " events were dead-lettered");
        }
        idleAtTheEnd();
    }

    /** What the warmed-up stack costs at rest, everything consumed: pollers, schedulers, consumers' empty polls. */
    private void idleAtTheEnd() {
        int seconds = options.quick ? 1 : 10;
        CpuUse before = CpuUse.now(this);
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        table.note("idle at the end (every event consumed), CPU per second of wall time: "
                + CpuUse.now(this).perSecond(before, seconds));
    }

    private void heapAndGc() {
        sampleHeap();
        double wall = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        for (ServiceProcess p : services.values()) {
            Double peak = peakHeapMb.get(p.module);
            double heap = peak == null ? Double.NaN : peak;
            table.add("heap", p.module + " peak heap used", Table.f(heap, "MB"), "512 MB (-Xmx)",
                    Table.ratio(heap, 512), "< 512 MB", Double.isNaN(heap) ? "n/a" : Table.yesNo(heap < 512));
            Map<String, Double> m = gc(p);
            double gc = m.getOrDefault("gcSeconds", Double.NaN);
            table.add("GC", p.module + " GC pause total (" + m.getOrDefault("gcCount", 0.0).longValue() + " pauses)",
                    Table.f(gc, "s"), Table.f(wall, "s run"), String.format("%.4f", gc / wall), "", "");
        }
        table.add("GC", "benchmark JVM (the Kafka broker, the clients, the probes; " + OwnPauses.collectors()
                        + ") GC pause total (" + ownPauses.count() + " pauses, the longest " + ownPauses.maxMillis()
                        + " ms)",
                Table.f(ownPauses.totalSeconds(), "s"), Table.f(wall, "s run"),
                String.format("%.4f", ownPauses.totalSeconds() / wall), "", "");
        table.note("the benchmark JVM's GC pauses of 50 ms or more (UTC, about when each began): "
                + ownPauses.listed());
    }

    // ---------------------------------------------------------------- helpers

    static String machine() {
        Runtime r = Runtime.getRuntime();
        String mem = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    mem = Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return r.availableProcessors() + " cores, " + mem + " RAM, Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Thread thread(Runnable body) {
        Thread t = new Thread(body);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + dir + ": " + e);
        }
    }
}
