package com.engagementledger.testsupport;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;

import java.util.Map;

/** The properties {@link EmbeddedLedger} sets, also for a test that starts a second application by hand. */
public final class EmbeddedLedgerProperties {
    private EmbeddedLedgerProperties() {
    }

    public static Map<String, String> of(String database) {
        LedgerInfrastructure infra = LedgerInfrastructure.shared();
        return Map.of(
                "spring.datasource.url", infra.postgres().jdbcUrl(database),
                "spring.datasource.username", EmbeddedPostgresServer.USER,
                "spring.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers(),
                "ledger.security.jwt-secret", TestTokens.SECRET);
    }
}
