package com.engagementledger.scorecard;

import com.engagementledger.testsupport.ArchitectureTestBase;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/** scorecard-service's boundaries: the shared rules, pure measures, controllers that compute no measure. */
class ArchitectureTest extends ArchitectureTestBase {

    ArchitectureTest() {
        super(ScorecardServiceApplication.class);
    }

    @Test
    void measures_use_no_web_or_jdbc_type() {
        service.domainUsesNoWebOrJdbc(resideInAPackage("com.engagementledger.scorecard.measures.."));
    }

    @Test
    void controllers_compute_no_measure() {
        service.controllersDecideNoDomainRule(assignableTo("com.engagementledger.scorecard.measures.Measure"));
    }
}
