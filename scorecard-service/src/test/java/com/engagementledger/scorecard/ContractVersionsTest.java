package com.engagementledger.scorecard;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.EventVersions;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer reads every version of a changed type: for each type that got a newer version, the contract's example
 * of the older and of the current version, published as engagement-service publishes (binary CloudEvents), are both
 * applied (none dead-lettered) and both count as the same kind of fact.
 */
class ContractVersionsTest extends IntegrationTest {
    private static final Instant RECORDED = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void both_versions_of_every_changed_type_are_applied() {
        String engagement = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        List<String> ownershipEvents = new ArrayList<>();
        List<String> acceptances = new ArrayList<>();
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            ids.add(publisher.publish(new EngagementOpened(engagement, "Versions", "Acme", "Nearshore",
                    EngagementModel.DEDICATED_TEAM, ManagementStructure.SHARED, ContractType.DEDICATED, "UTC",
                    "Asia/Kolkata", LocalTime.of(9, 0), LocalTime.of(13, 0), CoveragePattern.HALF_DAY_OVERLAP,
                    LocalDate.parse("2026-02-02")), RECORDED, "lead-1", "CLIENT"));
            for (EventVersions.Step step : EventVersions.steps()) {
                for (Class<?> type : List.of(step.from(), step.to())) {
                    String name = EventCatalog.typeName(type);
                    String id = publisher.publishRaw(engagement, name, example(name, engagement), RECORDED);
                    ids.add(id);
                    if (name.startsWith("ledger.ownership.")) {
                        ownershipEvents.add(id);
                    } else if (name.startsWith("ledger.decision.accepted.")) {
                        acceptances.add(id);
                    }
                }
            }
        }

        awaitApplied(ids);

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ownership_change WHERE engagement_id = ? AND event_id = ANY (?)
                          AND generation = (SELECT id FROM generation WHERE state = 'ACTIVE')""")
                .params(engagement, ownershipEvents.toArray(String[]::new)).query(Long.class).single())
                .as("assigned, reassigned, revoked, in both versions").isEqualTo(6);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM decision WHERE engagement_id = ? AND event_id = ANY (?)
                          AND generation = (SELECT id FROM generation WHERE state = 'ACTIVE')""")
                .params(engagement, acceptances.toArray(String[]::new)).query(Long.class).single())
                .as("an acceptance in either version is a documented decision").isEqualTo(2);
    }

    /** The contract's example of {@code typeName}, for this engagement and with a decision id of its own. */
    private static byte[] example(String typeName, String engagement) {
        try (InputStream in = ContractVersionsTest.class.getResourceAsStream("/examples/" + typeName + ".json")) {
            assertThat(in).as("example of " + typeName).isNotNull();
            ObjectNode body = (ObjectNode) LedgerCloudEvents.json().readTree(in);
            body.put("engagementId", engagement);
            if (body.has("decisionId")) {
                body.put("decisionId", UUID.randomUUID().toString());
            }
            return LedgerCloudEvents.json().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
