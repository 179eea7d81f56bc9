package com.engagementledger.notification.consuming;

import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.EventVersions;
import com.engagementledger.contract.LedgerCloudEvents;
import com.engagementledger.notification.IntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer reads every version of a changed type: for each type that got a newer version, the contract's example
 * of the older and of the current version, published as engagement-service publishes, are both applied (none
 * dead-lettered), and a costly reversal raises its alert in either version.
 */
class ContractVersionsTest extends IntegrationTest {
    private static final String REVERSED_RULE = "decision.costly-decision-reversed";

    @Test
    void both_versions_of_every_changed_type_are_applied() {
        String engagement = newId();
        // closing an engagement resolves its alerts: the closures go to an engagement of their own
        String closing = newId();
        awaitApplied(publish(opened(engagement)));
        awaitApplied(publish(opened(closing)));
        List<String> published = new ArrayList<>();
        Map<String, String> reversedDecisions = new HashMap<>();
        for (EventVersions.Step step : EventVersions.steps()) {
            for (Class<?> type : List.of(step.from(), step.to())) {
                String name = EventCatalog.typeName(type);
                String target = name.startsWith("ledger.engagement.closed.") ? closing : engagement;
                String decision = UUID.randomUUID().toString();
                published.add(publish(opened(target), newId(), name, example(name, target, decision)));
                if (name.startsWith("ledger.decision.reversed.")) {
                    reversedDecisions.put(name, decision);
                }
            }
        }

        published.forEach(this::awaitApplied);
        assertThat(reversedDecisions).hasSize(2);
        reversedDecisions.forEach((name, decision) -> assertThat(
                awaitAlert(engagement, REVERSED_RULE, decision, "OPEN").severity()).as(name).isEqualTo("WARNING"));
    }

    private EngagementOpened opened(String engagement) {
        return new EngagementOpened(engagement, "Versions", "Acme", "Nearshore", EngagementModel.DEDICATED_TEAM,
                ManagementStructure.SHARED, ContractType.DEDICATED, "UTC", "Asia/Kolkata", LocalTime.of(9, 0),
                LocalTime.of(13, 0), CoveragePattern.HALF_DAY_OVERLAP, today());
    }

    /** The contract's example of {@code typeName} for this engagement, about {@code decision}, a COSTLY one. */
    private static byte[] example(String typeName, String engagement, String decision) {
        try (InputStream in = ContractVersionsTest.class.getResourceAsStream("/examples/" + typeName + ".json")) {
            assertThat(in).as("example of " + typeName).isNotNull();
            ObjectNode body = (ObjectNode) LedgerCloudEvents.json().readTree(in);
            body.put("engagementId", engagement);
            if (body.has("decisionId")) {
                body.put("decisionId", decision);
            }
            if (body.has("reversibility")) {
                body.put("reversibility", "COSTLY");
            }
            return LedgerCloudEvents.json().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
