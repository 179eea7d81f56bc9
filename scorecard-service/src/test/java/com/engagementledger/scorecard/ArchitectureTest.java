package com.engagementledger.scorecard;

import com.engagementledger.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/** scorecard-service's boundaries (ServiceArchitecture): features, pure measures, controllers without rules. */
class ArchitectureTest {
    private static final ServiceArchitecture SERVICE = ServiceArchitecture.of(ScorecardServiceApplication.class);

    @Test
    void features_form_no_cycle() {
        SERVICE.featuresAreFreeOfCycles();
    }

    @Test
    void features_use_each_other_only_through_their_own_package() {
        SERVICE.featuresUseEachOtherOnlyThroughTheirOwnPackage();
    }

    @Test
    void measures_use_no_web_or_jdbc_type() {
        SERVICE.domainUsesNoWebOrJdbc(resideInAPackage("com.engagementledger.scorecard.measures.."));
    }

    @Test
    void controllers_compute_no_measure() {
        SERVICE.controllersDecideNoDomainRule(assignableTo("com.engagementledger.scorecard.measures.Measure"));
    }
}
