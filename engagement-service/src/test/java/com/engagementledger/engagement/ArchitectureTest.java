package com.engagementledger.engagement;

import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.testsupport.ArchitectureTestBase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

/** engagement-service's boundaries: the shared rules, a pure domain, controllers without domain rules. */
class ArchitectureTest extends ArchitectureTestBase {

    /** The aggregates and the commands they decide on. */
    private static final DescribedPredicate<JavaClass> DOMAIN = annotatedWith(Aggregate.class)
            .or(DescribedPredicate.describe("a command", (JavaClass c) -> c.getEnclosingClass()
                    .map(enclosing -> enclosing.getSimpleName().endsWith("Commands")).orElse(false)));

    ArchitectureTest() {
        super(EngagementServiceApplication.class);
    }

    @Test
    void aggregates_and_commands_use_no_web_or_jdbc_type() {
        service.domainUsesNoWebOrJdbc(DOMAIN);
    }

    @Test
    void controllers_decide_no_domain_rule() {
        service.controllersDecideNoDomainRule(assignableTo(RuleViolation.class).or(annotatedWith(Aggregate.class)));
    }
}
