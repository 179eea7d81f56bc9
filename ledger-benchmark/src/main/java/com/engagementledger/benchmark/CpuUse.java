package com.engagementledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system, from /proc) of every process of the run, so a section can say where the machine's
 * two cores went: each service, PostgreSQL (all its processes), and this JVM (the load clients and the in-process
 * Kafka broker).
 */
final class CpuUse {
    private final Map<String, Double> seconds;

    private CpuUse(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    static CpuUse now(Benchmark b) {
        Map<String, Double> s = new LinkedHashMap<>();
        b.services.forEach((module, p) -> s.put(module, p.cpuSeconds()));
        s.put("PostgreSQL", postgres());
        s.put("benchmark JVM + Kafka", of(ProcessHandle.current().pid()));
        return new CpuUse(s);
    }

    /** Milliseconds of CPU per second of wall time between {@code before} and this reading, per process. */
    String perSecond(CpuUse before, double wallSeconds) {
        StringBuilder out = new StringBuilder();
        seconds.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(Table.f((v - before.seconds.getOrDefault(k, Double.NaN)) * 1000 / wallSeconds, "ms/s")));
        return out.toString();
    }

    /** Milliseconds of CPU per unit of work between {@code before} and this reading, per process. */
    String perUnit(CpuUse before, long units, String unit) {
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            double used = e.getValue() - before.seconds.getOrDefault(e.getKey(), Double.NaN);
            total += used;
            out.append(e.getKey()).append(' ').append(Table.f(used * 1000 / Math.max(1, units), "ms")).append(", ");
        }
        return out.append("total ").append(Table.f(total * 1000 / Math.max(1, units), "ms")).append(" per ")
                .append(unit).toString();
    }

    static double of(long pid) {
        return of(pid, false);
    }

    /**
     * With {@code reaped}, also the time of the process's children that have exited: PostgreSQL's backends end
     * with their connections, and the postmaster collects their CPU time.
     */
    static double of(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (reaped) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every postgres process alive now (the postmaster, its backends, the WAL writer, the checkpointer...). */
    private static double postgres() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuUse::isPostgres)
                    .mapToDouble(p -> of(Long.parseLong(p.getFileName().toString()), true))
                    .sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static boolean isPostgres(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim().startsWith("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
