package com.engagementledger.benchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Command-line options; {@code --quick} sets small defaults, an explicit option overrides them. */
@Command(name = "java -jar ledger-benchmark/target/ledger-benchmark.jar",
        description = "Starts the real stack and sets each ledger figure beside a raw figure of the same run.")
final class Options implements Callable<Integer> {
    static final List<String> SECTIONS = List.of("append", "end-to-end", "history", "rebuild");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this list")
    boolean help;
    @Option(names = "--quick", description = "tiny volumes, a few seconds per section (BenchmarkQuickModeTest)")
    boolean quick;
    @Option(names = "--home", description = "the repository holding <service>/target/<service>.jar (default . or ..)")
    Path home;
    @Option(names = "--out", description = "also write the table as Markdown to this file")
    Path out;
    @Option(names = "--sections", split = ",", description = "only these of append, end-to-end, history, rebuild "
            + "(default all; the counts and heap rows always come)")
    List<String> sections = SECTIONS;
    @Option(names = "--clients", split = ",", description = "append concurrency levels (default 1,8)")
    int[] clients = {1, 8};
    @Option(names = "--append-seconds", description = "each append level (full 20, quick 2)")
    Integer appendSeconds;
    @Option(names = "--warm-up-seconds", description = "unrecorded load before the append levels and the timed "
            + "end-to-end probes; a sixth of it before each timed asOf read (full 60, quick 2)")
    Integer warmUpSeconds;
    @Option(names = "--e2e-seconds", description = "timed end-to-end probes (full 30, quick 3)")
    Integer e2eSeconds;
    @Option(names = "--e2e-rate", description = "probes per second (default a quarter of the 8-client append rate, "
            + "else 10)")
    double e2eRate = Double.NaN;
    @Option(names = "--rebuild-events", description = "events the rebuild reads at least: what the sections before "
            + "stored, topped up through the API (full 200000, quick 500)")
    Long rebuildEvents;
    @Option(names = "--history-events", description = "events of the exported engagement (full 100000, quick 300)")
    Integer historyEvents;
    @Option(names = "--asof-events", description = "events of the asOf engagement (full 10000, quick 100)")
    Integer asOfEvents;
    /** How long consumers may take to catch up before the run counts it as an error. */
    Duration catchUp;

    /** What {@code main} runs once picocli has parsed the arguments: the exit code. */
    @Override
    public Integer call() throws Exception {
        return new Benchmark(resolve()).run().errors.isEmpty() ? 0 : 1;
    }

    static Options parse(String... args) {
        Options options = new Options();
        new CommandLine(options).parseArgs(args);
        return options.resolve();
    }

    private Options resolve() {
        if (!SECTIONS.containsAll(sections)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--sections takes " + SECTIONS);
        }
        appendSeconds = appendSeconds != null ? appendSeconds : quick ? 2 : 20;
        warmUpSeconds = warmUpSeconds != null ? warmUpSeconds : quick ? 2 : 60;
        e2eSeconds = e2eSeconds != null ? e2eSeconds : quick ? 3 : 30;
        rebuildEvents = rebuildEvents != null ? rebuildEvents : quick ? 500 : 200_000;
        historyEvents = historyEvents != null ? historyEvents : quick ? 300 : 100_000;
        asOfEvents = asOfEvents != null ? asOfEvents : quick ? 100 : 10_000;
        catchUp = Duration.ofSeconds(quick ? 180 : 1800);
        if (home == null) {
            Path here = Path.of("").toAbsolutePath();
            home = here.resolve("engagement-service").toFile().isDirectory() ? here : here.getParent();
        }
        return this;
    }

    String volumes() {
        return (quick ? "quick" : "full") + (sections.size() == SECTIONS.size() ? "" : " (only " + sections + ")")
                + ": append " + appendSeconds + " s per level at " + Arrays.toString(clients) + " clients after a "
                + warmUpSeconds + " s warm-up; end-to-end " + e2eSeconds + " s"
                + (Double.isNaN(e2eRate) ? "" : " at " + e2eRate + " /s") + "; history " + historyEvents
                + " events; asOf " + asOfEvents + " events; rebuild at least " + rebuildEvents + " events";
    }
}
