package com.engagementledger.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the launcher was asked to do, from its arguments and environment.
 *
 * @param home        where the service modules are: each jar is {@code <home>/<module>/target/<module>.jar}
 * @param workDir     where {@code .ledger-local/} (data and logs) lives: the current directory
 * @param startTimeout how long a service may take to report UP
 * @param postgresSettings PostgreSQL server settings ({@code -c key=value}) beside the embedded defaults
 */
public record LauncherOptions(boolean demo, boolean fresh, boolean noServices, boolean help, Path home, Path workDir,
                              Duration startTimeout, Map<String, String> postgresSettings) {

    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(240);

    public static final String USAGE = """
            Usage: java -jar ledger-launcher/target/ledger-launcher.jar [options]

            Starts a real PostgreSQL and a real Kafka broker inside this process, then engagement-service (8081),
            scorecard-service (8082) and notification-service (8083) as child JVMs, and prints URLs and demo tokens.
            Ctrl-C stops everything. Data lives in .ledger-local/ under the current directory and survives restarts.

            Options:
              --demo             load a twelve-week demo history (two engagements) through the REST API
              --fresh            delete .ledger-local/ first (all data and logs) and start empty
              --no-services      start only PostgreSQL and Kafka (run the services from your IDE)
              --home <dir>       where the service modules are (default: $LEDGER_HOME, else the current directory);
                                 each jar is <dir>/<module>/target/<module>.jar
              --timeout <secs>   how long each service may take to become healthy (default 240)
              --pg-setting <k=v> a PostgreSQL server setting, e.g. shared_preload_libraries=pg_stat_statements
                                 (repeatable)
              --help             show this text

            Environment:
              LEDGER_JWT_SECRET  HS256 secret (at least 32 bytes) the services verify tokens with;
                                 generated and printed when unset
              LEDGER_HOME        as --home
            """;

    /** Parses the arguments; an unknown or incomplete option is an {@link IllegalArgumentException}. */
    public static LauncherOptions parse(String[] args, Map<String, String> env, Path workDir) {
        boolean demo = false;
        boolean fresh = false;
        boolean noServices = false;
        boolean help = false;
        String envHome = env.get("LEDGER_HOME");
        Path home = envHome == null || envHome.isBlank() ? workDir : Path.of(envHome);
        Duration timeout = DEFAULT_START_TIMEOUT;
        Map<String, String> postgresSettings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--demo" -> demo = true;
                case "--fresh" -> fresh = true;
                case "--no-services" -> noServices = true;
                case "--help", "-h" -> help = true;
                case "--home" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--home");
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--home needs a directory");
                    }
                    home = Path.of(value);
                }
                case "--timeout" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--timeout");
                    try {
                        long seconds = Long.parseLong(value.trim());
                        if (seconds <= 0) {
                            throw new NumberFormatException();
                        }
                        timeout = Duration.ofSeconds(seconds);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--timeout needs a positive number of seconds, not '"
                                + value + "'");
                    }
                }
                case "--pg-setting" -> {
                    String value = inlineValue != null ? inlineValue : value(args, ++i, "--pg-setting");
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new IllegalArgumentException("--pg-setting needs key=value, not '" + value + "'");
                    }
                    postgresSettings.put(value.substring(0, at).trim(), value.substring(at + 1).trim());
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        if (demo && noServices) {
            throw new IllegalArgumentException("--demo needs the services: it cannot be combined with --no-services");
        }
        return new LauncherOptions(demo, fresh, noServices, help, home.toAbsolutePath().normalize(),
                workDir.toAbsolutePath().normalize(), timeout, Map.copyOf(postgresSettings));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** {@code .ledger-local/} in the working directory: PostgreSQL data, Kafka logs, service logs. */
    public Path localDir() {
        return workDir.resolve(".ledger-local");
    }
}
