package com.engagementledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;

/** Command-line options; {@code --quick} sets small defaults, any explicit flag overrides them. */
final class Options {
    static final String USAGE = """
            java -jar ledger-benchmark/target/ledger-benchmark.jar [options]
              --quick                  a few seconds per section, tiny volumes (what the test runs)
              --home <dir>             where the service modules are (default: current directory, or ..)
              --out <file>             also write the table as Markdown to this file
              --append-seconds <n>     duration of each append level (full 20, quick 3)
              --clients <a,b,c>        append concurrency levels (default 1,8,32)
              --warm-up-seconds <n>    unrecorded load at 8 clients before the first append level, at least
                                       (default 120, quick 2): the services' JIT
              --warm-up-max-seconds <n> then more, in 15 s slices, until every service's JIT compiles less than
                                       --warm-up-jit ms per second, up to this in all (default 900, quick: no more)
              --warm-up-jit <ms>       that threshold (default 50: 5 % of a core)
              --e2e-seconds <n>        duration of the end-to-end run (full 30, quick 4)
              --e2e-rate <n>           probes per second (default: 25 % of the append maximum, or 10 without
                                       the append section); a fixed rate compares end-to-end runs alone
              --e2e-warm-up-seconds <n> unrecorded probes, and raw round trips beside them, at the same rate
                                       before it (full 10, quick 1): the alert path is code the append mix never runs
              --e2e-warm-up-max-seconds <n> then more, in 10 s slices, until every JVM's JIT (the services' and the
                                       benchmark's own) compiles less than --warm-up-jit ms per second, up to this
                                       in all (default 300, quick: no more)
              --rebuild-events <n>     events produced to the topic for the rebuild (full 1000000, quick 500)
              --rebuild-engagements <n> engagements they are spread over (full 1000, quick 5)
              --history-events <n>     events in the exported engagement (full 100000, quick 300)
              --asof-events <n>        events in the asOf engagement (full 10000, quick 100)
              --catch-up-timeout <s>   how long consumers may take to catch up (default 1800, quick 180)
              --service-gc <name>      the services' collector: Parallel (default, as ledger-launcher starts
                                       them), G1 or Serial (-XX:+Use<name>GC)
              --gc-log                 start the services with -Xlog:gc to <work>/logs/<service>-gc.log
              --jfr                    start the services with a JFR recording in <work>/logs/<service>.jfr
              --keep                   keep the work directory (data and logs)
              --pg-statements          load pg_stat_statements into PostgreSQL and note, per recorded append level
                                       and asOf read, the statements that took the server's time
              --pg-setting KEY=VALUE   a PostgreSQL server setting (repeatable), e.g. log_checkpoints=on with
                                       logging_collector=on and log_directory=/tmp/pglog
              --sections <a,b>         run only these sections (append, end-to-end, rebuild, history); the final
                                       counts and heap/GC always run (default: all)
              --env KEY=VALUE          an environment variable for every service (repeatable), e.g.
                                       LEDGER_NOTIFICATION_CONSUMER_CONCURRENCY=3
            """;

    boolean quick;
    Path home;
    Path out;
    int appendSeconds = -1;
    int[] clients = {1, 8, 32};
    int warmUpSeconds = -1;
    int warmUpMaxSeconds = -1;
    double warmUpJitMillisPerSecond = 50;
    int e2eSeconds = -1;
    int e2eWarmUpSeconds = -1;
    double e2eRate = Double.NaN;
    int e2eWarmUpMaxSeconds = -1;
    long rebuildEvents = -1;
    int rebuildEngagements = -1;
    int historyEvents = -1;
    int asOfEvents = -1;
    int catchUpSeconds = -1;
    String serviceGc = "Parallel";
    boolean gcLog;
    boolean jfr;
    boolean keep;
    boolean pgStatements;
    boolean help;
    java.util.Set<String> sections = new java.util.LinkedHashSet<>(java.util.List.of("append", "end-to-end", "rebuild", "history"));
    final java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    final java.util.Map<String, String> pgSettings = new java.util.LinkedHashMap<>();

    static Options parse(String... args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> o.quick = true;
                case "--home" -> o.home = Path.of(args[++i]);
                case "--out" -> o.out = Path.of(args[++i]);
                case "--append-seconds" -> o.appendSeconds = Integer.parseInt(args[++i]);
                case "--clients" -> {
                    String[] parts = args[++i].split(",");
                    o.clients = new int[parts.length];
                    for (int j = 0; j < parts.length; j++) {
                        o.clients[j] = Integer.parseInt(parts[j].trim());
                    }
                }
                case "--warm-up-seconds" -> o.warmUpSeconds = Integer.parseInt(args[++i]);
                case "--warm-up-max-seconds" -> o.warmUpMaxSeconds = Integer.parseInt(args[++i]);
                case "--warm-up-jit" -> o.warmUpJitMillisPerSecond = Double.parseDouble(args[++i]);
                case "--e2e-seconds" -> o.e2eSeconds = Integer.parseInt(args[++i]);
                case "--e2e-warm-up-seconds" -> o.e2eWarmUpSeconds = Integer.parseInt(args[++i]);
                case "--e2e-rate" -> o.e2eRate = Double.parseDouble(args[++i]);
                case "--e2e-warm-up-max-seconds" -> o.e2eWarmUpMaxSeconds = Integer.parseInt(args[++i]);
                case "--service-gc" -> o.serviceGc = collector(args[++i]);
                case "--rebuild-events" -> o.rebuildEvents = Long.parseLong(args[++i]);
                case "--rebuild-engagements" -> o.rebuildEngagements = Integer.parseInt(args[++i]);
                case "--history-events" -> o.historyEvents = Integer.parseInt(args[++i]);
                case "--asof-events" -> o.asOfEvents = Integer.parseInt(args[++i]);
                case "--catch-up-timeout" -> o.catchUpSeconds = Integer.parseInt(args[++i]);
                case "--gc-log" -> o.gcLog = true;
                case "--jfr" -> o.jfr = true;
                case "--keep" -> o.keep = true;
                case "--pg-statements" -> o.pgStatements = true;
                case "--env" -> keyValue(a, args[++i], o.env);
                case "--pg-setting" -> keyValue(a, args[++i], o.pgSettings);
                case "--sections" -> {
                    java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
                    for (String part : args[++i].split(",")) {
                        String name = part.trim();
                        if (!o.sections.contains(name)) throw new IllegalArgumentException("unknown section " + name);
                        chosen.add(name);
                    }
                    o.sections = chosen;
                }
                case "--help", "-h" -> o.help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.appendSeconds < 0) o.appendSeconds = o.quick ? 3 : 20;
        if (o.warmUpSeconds < 0) o.warmUpSeconds = o.quick ? 2 : 120;
        if (o.warmUpMaxSeconds < 0) o.warmUpMaxSeconds = o.quick ? o.warmUpSeconds : 900;
        if (o.warmUpMaxSeconds < o.warmUpSeconds) o.warmUpMaxSeconds = o.warmUpSeconds;
        if (o.e2eSeconds < 0) o.e2eSeconds = o.quick ? 4 : 30;
        if (o.e2eWarmUpSeconds < 0) o.e2eWarmUpSeconds = o.quick ? 1 : 10;
        if (o.e2eWarmUpMaxSeconds < 0) o.e2eWarmUpMaxSeconds = o.quick ? o.e2eWarmUpSeconds : 300;
        if (o.e2eWarmUpMaxSeconds < o.e2eWarmUpSeconds) o.e2eWarmUpMaxSeconds = o.e2eWarmUpSeconds;
        if (o.rebuildEvents < 0) o.rebuildEvents = o.quick ? 500 : 1_000_000;
        if (o.rebuildEngagements < 0) o.rebuildEngagements = o.quick ? 5 : 1_000;
        if (o.historyEvents < 0) o.historyEvents = o.quick ? 300 : 100_000;
        if (o.asOfEvents < 0) o.asOfEvents = o.quick ? 100 : 10_000;
        if (o.catchUpSeconds < 0) o.catchUpSeconds = o.quick ? 180 : 1800;
        if (o.home == null) {
            Path here = Path.of("").toAbsolutePath();
            o.home = here.resolve("engagement-service").toFile().isDirectory() ? here : here.getParent();
        }
        return o;
    }

    private static void keyValue(String option, String kv, java.util.Map<String, String> into) {
        int eq = kv.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException(option + " wants KEY=VALUE: " + kv);
        into.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    private static String collector(String name) {
        return switch (name) {
            case "Parallel", "G1", "Serial" -> name;
            default -> throw new IllegalArgumentException("--service-gc: Parallel, G1 or Serial, not " + name);
        };
    }

    Duration catchUp() {
        return Duration.ofSeconds(catchUpSeconds);
    }

    String volumes() {
        String only = sections.size() == 4 ? "" : " (only " + String.join(", ", sections) + ")";
        return (quick ? "quick" : "full") + only + ": append " + appendSeconds + " s per level at "
                + java.util.Arrays.toString(clients) + " clients; e2e " + e2eSeconds + " s after " + e2eWarmUpSeconds
                + " s unrecorded" + (Double.isNaN(e2eRate) ? "" : " at " + e2eRate + " /s") + "; rebuild " + rebuildEvents + " events over " + rebuildEngagements
                + " engagements; history " + historyEvents + " events; asOf " + asOfEvents
                + " events; the services' collector: " + serviceGc
                + (pgStatements ? "; PostgreSQL with pg_stat_statements" : "")
                + (pgSettings.isEmpty() ? "" : "; PostgreSQL settings " + pgSettings);
    }
}
