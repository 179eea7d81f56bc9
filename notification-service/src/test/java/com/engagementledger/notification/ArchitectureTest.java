package com.engagementledger.notification;

import com.engagementledger.testsupport.ArchitectureTestBase;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;

/** notification-service's boundaries: the shared rules, pure governance rules, controllers without rules. */
class ArchitectureTest extends ArchitectureTestBase {
    private static final String GOVERNANCE_RULE = "com.engagementledger.notification.rules.GovernanceRule";

    ArchitectureTest() {
        super(NotificationServiceApplication.class);
    }

    @Test
    void governance_rules_use_no_web_or_jdbc_type() {
        service.domainUsesNoWebOrJdbc(assignableTo(GOVERNANCE_RULE));
    }

    @Test
    void controllers_decide_no_governance_rule() {
        service.controllersDecideNoDomainRule(assignableTo(GOVERNANCE_RULE));
    }
}
