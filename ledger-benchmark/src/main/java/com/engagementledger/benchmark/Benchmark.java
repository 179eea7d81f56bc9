package com.engagementledger.benchmark;

import picocli.CommandLine;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Starts the real stack, loads it through the services' own API, and prints one table in which every ledger figure
 * stands beside a raw PostgreSQL or Kafka figure measured on the same machine in the same run.
 */
public final class Benchmark {
    final Options options;
    final Table table = new Table();
    Stack stack;
    Meters meters;
    /** Commands per second of the 8-client append level (else of the last one); NaN without the section. */
    double appendRate = Double.NaN;

    Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Options()).execute(args));
    }

    interface Section {
        void run() throws Exception;
    }

    /** Runs every chosen section; a failure is an error of the table, which is printed and written to --out. */
    Table run() throws Exception {
        String started = Instant.now().toString();
        try {
            stack = Stack.start(options.home);
            meters = new Meters(stack);
            section("append", () -> new AppendSection(this).run());
            section("end-to-end", () -> new EndToEndSection(this).run());
            section("history", () -> new HistorySection(this).run());
            section("rebuild", () -> new RebuildSection(this).run());
            section("counts and heap", () -> meters.finalRows(options.catchUp, table));
        } catch (Exception e) {
            table.error("stack: " + e.getMessage());
        } finally {
            if (stack != null) {
                stack.stop(table.errors.isEmpty());
            }
        }
        String markdown = "# Engagement Ledger benchmark\n\nRun " + started + " · "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + "\n\nVolumes: " + options.volumes() + "\n\n" + table.markdown();
        System.out.println("\n" + markdown);
        if (options.out != null) {
            Files.writeString(options.out, markdown);
        }
        return table;
    }

    private void section(String name, Section body) {
        if (Options.SECTIONS.contains(name) && !options.sections.contains(name)) {
            return;
        }
        System.out.println("\n== " + name + " (" + Instant.now() + ")");
        try {
            body.run();
        } catch (Exception e) {
            table.error(name + ": " + e);
            e.printStackTrace(System.out);
        }
    }

    interface Worker {
        void run(int index) throws Exception;
    }

    /** Runs {@code n} workers on threads of their own and waits for all; a worker's failure is an error. */
    void parallel(int n, Worker worker) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(thread(() -> {
                try {
                    worker.run(index);
                } catch (Exception e) {
                    table.error(e.toString());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** An engagement opened, then {@code events - 1} commands posted to its {@code path} by 32 clients: its id. */
    String engagementOf(int events, String path, Supplier<Object> body) throws InterruptedException {
        String engagements = stack.url("engagement-service") + "/engagements";
        String id = stack.http.post(engagements, stack.lead, AppendSection.openBody("loaded", "Europe/Berlin",
                "09:00", "13:00")).orFail("opening an engagement").id();
        AtomicInteger next = new AtomicInteger(1);
        parallel(32, i -> {
            while (next.getAndIncrement() < events) {
                stack.http.post(engagements + "/" + id + path, stack.lead, body.get()).orFail("loading " + path);
            }
        });
        return id;
    }

    static Thread thread(Runnable body) {
        Thread t = new Thread(body);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
