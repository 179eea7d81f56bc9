package com.engagementledger.notification.rules;

import com.engagementledger.notification.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind the published names; each rule's behaviour is specified in its own test beside its class. */
class GovernanceRulesTest extends IntegrationTest {
    @Autowired
    List<GovernanceRule> rules;

    @Test
    void every_published_rule_name_has_exactly_one_rule_class() {
        assertThat(rules).extracting(GovernanceRule::name).containsExactlyInAnyOrderElementsOf(RuleNames.ALL);
    }

    @Test
    void every_rule_reacts_to_some_ledger_event() {
        assertThat(rules).allSatisfy(rule -> assertThat(rule.reactions().types()).as(rule.name()).isNotEmpty());
    }
}
