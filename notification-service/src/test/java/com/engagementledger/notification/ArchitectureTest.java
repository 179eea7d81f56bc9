package com.engagementledger.notification;

import com.engagementledger.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;

/** notification-service's boundaries (ServiceArchitecture): features, pure rules, controllers without rules. */
class ArchitectureTest {
    private static final ServiceArchitecture SERVICE = ServiceArchitecture.of(NotificationServiceApplication.class);
    private static final String GOVERNANCE_RULE = "com.engagementledger.notification.rules.GovernanceRule";

    @Test
    void features_form_no_cycle() {
        SERVICE.featuresAreFreeOfCycles();
    }

    @Test
    void features_use_each_other_only_through_their_own_package() {
        SERVICE.featuresUseEachOtherOnlyThroughTheirOwnPackage();
    }

    @Test
    void governance_rules_use_no_web_or_jdbc_type() {
        SERVICE.domainUsesNoWebOrJdbc(assignableTo(GOVERNANCE_RULE));
    }

    @Test
    void controllers_decide_no_governance_rule() {
        SERVICE.controllersDecideNoDomainRule(assignableTo(GOVERNANCE_RULE));
    }
}
