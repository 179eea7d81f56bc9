package com.engagementledger.launcher;

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
import java.util.stream.Stream;

/** A service running as a child JVM, its output appended to its own log file. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LedgerService service;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(LedgerService service, int port, Path log, Process process) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code java -Xmx512m -XX:+UseParallelGC -jar <jar> --server.port=<port>} with the given environment
     * added. The parallel collector rather than G1: on two cores shared by three services, PostgreSQL and Kafka, G1
     * paused engagement-service about three times as often as the parallel collector, for twice the total pause, and
     * the end-to-end latency's tail grew with it.
     */
    static ServiceProcess start(String javaBinary, LedgerService service, Path jar, int port, Map<String, String> env,
                                Path logDir) {
        Path log = logDir.resolve(service.module() + ".log");
        List<String> command = List.of(javaBinary, "-Xmx512m", "-XX:+UseParallelGC", "-jar", jar.toString(),
                "--server.port=" + port);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.writeString(log, "\n===== " + Instant.now() + " launcher starts: " + String.join(" ", command)
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return new ServiceProcess(service, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    LedgerService service() {
        return service;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Waits until {@code /actuator/health} answers UP; fails with the end of the service's log when the process
     * exits or the time runs out.
     */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(baseUrl() + "/actuator/health");
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + " before it was healthy. Last lines of " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.module());
            }
            sleep(1000);
        }
        throw new IllegalStateException(service.module() + " did not report UP at " + health + " within "
                + timeout.toSeconds() + " s (last answer: " + last + "). Last lines of " + log + ":\n" + tail(40));
    }

    /** Asks the JVM to stop (SIGTERM: Spring shuts down gracefully), then forces it after a grace period. */
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
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> kept = new ArrayList<>();
            all.forEach(line -> {
                kept.add(line);
                if (kept.size() > lines) {
                    kept.remove(0);
                }
            });
            return "    | " + String.join("\n    | ", kept);
        } catch (IOException | UncheckedIOException e) {
            return "    (log not readable: " + e.getMessage() + ")";
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
