package com.engagementledger.launcher;

import java.nio.file.Path;
import java.util.List;

/** One service of the system: its module, its default port and its database (DESIGN.md, "Ports and names"). */
public record LedgerService(String module, int defaultPort, String database) {
    public static final List<LedgerService> ALL = List.of(
            new LedgerService("engagement-service", 8081, "ledger_engagement"),
            new LedgerService("scorecard-service", 8082, "ledger_scorecard"),
            new LedgerService("notification-service", 8083, "ledger_notification"));

    public static final LedgerService ENGAGEMENT = ALL.get(0);

    /** The executable jar Maven builds: {@code <home>/<module>/target/<module>.jar}. */
    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
