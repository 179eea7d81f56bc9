package com.engagementledger.engagement;

import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.testsupport.ServiceArchitecture;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

/** engagement-service's boundaries (ServiceArchitecture): features, a pure domain, controllers without rules. */
class ArchitectureTest {
    private static final ServiceArchitecture SERVICE = ServiceArchitecture.of(EngagementServiceApplication.class);

    /** The aggregates and the commands they decide on. */
    private static final DescribedPredicate<JavaClass> DOMAIN = annotatedWith(Aggregate.class)
            .or(DescribedPredicate.describe("a command", (JavaClass c) -> c.getEnclosingClass()
                    .map(enclosing -> enclosing.getSimpleName().endsWith("Commands")).orElse(false)));

    @Test
    void features_form_no_cycle() {
        SERVICE.featuresAreFreeOfCycles();
    }

    @Test
    void features_use_each_other_only_through_their_own_package() {
        SERVICE.featuresUseEachOtherOnlyThroughTheirOwnPackage();
    }

    @Test
    void aggregates_and_commands_use_no_web_or_jdbc_type() {
        SERVICE.domainUsesNoWebOrJdbc(DOMAIN);
    }

    @Test
    void controllers_decide_no_domain_rule() {
        SERVICE.controllersDecideNoDomainRule(assignableTo(RuleViolation.class).or(annotatedWith(Aggregate.class)));
    }
}
