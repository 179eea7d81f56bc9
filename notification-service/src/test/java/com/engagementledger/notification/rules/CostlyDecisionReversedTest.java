package com.engagementledger.notification.rules;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.DecisionEvents.DecisionProposed;
import com.engagementledger.contract.DecisionEvents.DecisionReversed;
import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.Reversibility;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.notification.alerts.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static com.engagementledger.notification.rules.RuleNames.COSTLY_DECISION_REVERSED;
import static org.assertj.core.api.Assertions.assertThat;

class CostlyDecisionReversedTest extends RuleScenario {

    @Test
    void costly_decision_reversed_alerts_and_clears_when_a_successor_takes_effect() {
        String engagement = openEngagement(today());
        String costly = newId();
        String reversible = newId();
        publish(reversed(engagement, reversible, Reversibility.REVERSIBLE));
        publish(reversed(engagement, costly, Reversibility.COSTLY));
        var alert = awaitAlert(engagement, COSTLY_DECISION_REVERSED, costly, "OPEN");
        assertThat(alert.severity()).isEqualTo("WARNING");
        // the reversible one came first on the same partition: applied, and no alert
        assertThat(alertCount(engagement, COSTLY_DECISION_REVERSED)).isEqualTo(1);

        String successor = newId();
        publish(successorOf(engagement, successor, costly));
        publish(new DecisionAccepted(engagement, successor, DecisionCategory.DATA_MODEL, Reversibility.COSTLY,
                "lead-1", Side.CLIENT, true));
        awaitAlert(engagement, COSTLY_DECISION_REVERSED, costly, "RESOLVED");
    }

    @Test
    void irreversible_decision_reversed_is_critical() {
        String engagement = openEngagement(today());
        String decision = newId();
        publish(new DecisionReversed(engagement, decision, DecisionCategory.INFRASTRUCTURE, Reversibility.IRREVERSIBLE,
                "vendor exit", "lead-1", Side.CLIENT));
        assertThat(awaitAlert(engagement, COSTLY_DECISION_REVERSED, decision, "OPEN").severity()).isEqualTo("CRITICAL");
    }

    @Test
    void an_irreversible_successor_resolves_the_reversal_only_when_its_second_approver_puts_it_in_effect() {
        String engagement = openEngagement(today());
        String costly = newId();
        publish(reversed(engagement, costly, Reversibility.COSTLY));
        awaitAlert(engagement, COSTLY_DECISION_REVERSED, costly, "OPEN");

        String successor = newId();
        publish(successorOf(engagement, successor, costly));
        String accepted = publish(new DecisionAccepted(engagement, successor, DecisionCategory.DATA_MODEL,
                Reversibility.IRREVERSIBLE, "lead-1", Side.CLIENT, false));
        String approved = publish(new DecisionApproved(engagement, successor, "cto-1", Side.CLIENT));
        // resolved by the approval, after the acceptance (same partition, earlier) left it open
        var resolved = awaitAlert(engagement, COSTLY_DECISION_REVERSED, costly, "RESOLVED");
        assertThat(resolved.causes()).contains(approved).doesNotContain(accepted);
    }

    @ParameterizedTest(name = "{0} reversed: {1}")
    @CsvSource(value = {
            "REVERSIBLE,   NONE",
            "COSTLY,       WARNING",
            "IRREVERSIBLE, CRITICAL",
    })
    void severity_by_reversibility(Reversibility reversibility, String severity) {
        assertThat(CostlyDecisionReversed.severity(reversibility))
                .isEqualTo(severity.equals("NONE") ? Optional.empty() : Optional.of(AlertSeverity.valueOf(severity)));
    }

    private static DecisionReversed reversed(String engagement, String decision, Reversibility reversibility) {
        return new DecisionReversed(engagement, decision, DecisionCategory.DATA_MODEL, reversibility,
                "sharding too early", "lead-1", Side.CLIENT);
    }

    private static DecisionProposed successorOf(String engagement, String successor, String superseded) {
        return new DecisionProposed(engagement, successor, "Single schema", DecisionCategory.DATA_MODEL, "ctx",
                "one schema", "simpler", List.of("shards"), Reversibility.COSTLY, superseded, "arch-1", Side.PARTNER);
    }
}
