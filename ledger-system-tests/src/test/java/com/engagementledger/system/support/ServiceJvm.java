package com.engagementledger.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service jar running as a child JVM (-Xmx512m), its output appended to a log file. The start and health wait
 * follow the launcher's ServiceProcess (copied: the launcher's jar is repackaged and cannot be a dependency); the
 * fault tests add {@link #kill()}, a SIGKILL with no shutdown hooks.
 */
public final class ServiceJvm {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;

    ServiceJvm(String module, Path jar, int port, Map<String, String> env, Path logDir) {
        this.module = module;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.log = logDir.resolve(module + ".log");
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(module + " is already running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: the stack serves a few commands per second and restarts often; its CPU goes to starting up
        List<String> command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(),
                "--server.port=" + port);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.writeString(log, "\n===== " + Instant.now() + " system test starts " + module + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    /** SIGKILL: no graceful shutdown, no offset commit, no transaction finished. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (Spring shuts down gracefully), forced after 30 s. */
    public synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Waits until /actuator/health answers UP; fails with the end of the log when the JVM exits or time runs out. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(baseUrl() + "/actuator/health");
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(module + " exited before it was healthy. Log " + log + ":\n"
                        + tail(60));
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
                throw new IllegalStateException("interrupted while waiting for " + module);
            }
            Waits.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(module + " not UP within " + timeout.toSeconds() + " s (last: " + last
                + "). Log " + log + ":\n" + tail(60));
    }

    /** The last {@code max} ERROR lines of the log (their first line each), to say why a test saw what it saw. */
    public String errors(int max) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> kept = new ArrayList<>();
            all.filter(line -> line.contains(" ERROR ")).forEach(line -> {
                kept.add(line.length() > 400 ? line.substring(0, 400) : line);
                if (kept.size() > max) {
                    kept.remove(0);
                }
            });
            return kept.isEmpty() ? "    (no ERROR lines)" : "    | " + String.join("\n    | ", kept);
        } catch (IOException | UncheckedIOException e) {
            return "    (log not readable: " + e.getMessage() + ")";
        }
    }

    public String tail(int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
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
}
