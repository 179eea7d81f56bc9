package com.engagementledger.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL and one Kafka broker per JVM, started on first use and stopped when the JVM exits.
 * Tests share them (each test uses its own engagement ids instead of wiping data); the launcher starts its own.
 */
public final class LedgerInfrastructure {
    public static final List<String> DATABASES = List.of("ledger_engagement", "ledger_scorecard", "ledger_notification",
            "ledger_intake");

    private static volatile LedgerInfrastructure shared;

    private final EmbeddedPostgresServer postgres;
    private final KraftBroker kafka;

    private LedgerInfrastructure(EmbeddedPostgresServer postgres, KraftBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The per-JVM instance for tests. */
    public static LedgerInfrastructure shared() {
        if (shared == null) {
            synchronized (LedgerInfrastructure.class) {
                if (shared == null) {
                    LedgerInfrastructure started = start(0, null, 0, null);
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ledger-infrastructure-stop"));
                    shared = started;
                }
            }
        }
        return shared;
    }

    public static LedgerInfrastructure start(int postgresPort, Path postgresDir, int kafkaPort, Path kafkaDir) {
        return start(postgresPort, postgresDir, Map.of(), kafkaPort, kafkaDir);
    }

    /** As above, with more PostgreSQL server settings (see {@link EmbeddedPostgresServer#start(int, Path, Map)}). */
    public static LedgerInfrastructure start(int postgresPort, Path postgresDir, Map<String, String> postgresConfig,
                                             int kafkaPort, Path kafkaDir) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresPort, postgresDir, postgresConfig);
        DATABASES.forEach(postgres::createDatabase);
        KraftBroker kafka = KraftBroker.start(kafkaPort, kafkaDir);
        return new LedgerInfrastructure(postgres, kafka);
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public KraftBroker kafka() {
        return kafka;
    }

    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
