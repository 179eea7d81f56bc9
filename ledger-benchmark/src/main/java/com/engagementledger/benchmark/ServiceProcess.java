package com.engagementledger.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service as a child JVM with -Xmx512m and the collector of --service-gc, its output in its own log (copied,
 * trimmed, from ledger-launcher).
 */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final String module;
    final String database;
    final int port;
    final Path log;
    private final Process process;

    private ServiceProcess(String module, String database, int port, Path log, Process process) {
        this.module = module;
        this.database = database;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String java, String module, String database, Path jar, int port,
                                Map<String, String> env, Path logDir, List<String> extraJvmArgs) {
        Path log = logDir.resolve(module + ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(module, database, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** CPU seconds (user + system) the service's JVM used so far, from /proc; NaN elsewhere. */
    double cpuSeconds() {
        return CpuUse.of(process.pid());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(baseUrl() + "/actuator/health");
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with code " + process.exitValue()
                        + " before it was healthy; see " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            Benchmark.sleep(500);
        }
        throw new IllegalStateException(module + " was not UP within " + timeout.toSeconds() + " s (" + last
                + "); see " + log + ":\n" + tail(40));
    }

    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "    | " + String.join("\n    | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e + ")";
        }
    }
}
