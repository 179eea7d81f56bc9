package com.engagementledger.intake;

import com.engagementledger.testsupport.ArchitectureTestBase;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/** intake-service's boundaries: the shared rules, mappings that are pure translation, controllers without them. */
class ArchitectureTest extends ArchitectureTestBase {
    private static final String SOURCE_MAPPING = "com.engagementledger.intake.fact.SourceMapping";

    ArchitectureTest() {
        super(IntakeServiceApplication.class);
    }

    @Test
    void facts_and_source_mappings_use_no_web_or_jdbc_type() {
        service.domainUsesNoWebOrJdbc(resideInAPackage("com.engagementledger.intake.fact")
                .or(assignableTo(SOURCE_MAPPING)));
    }

    @Test
    void controllers_translate_no_source_payload() {
        service.controllersDecideNoDomainRule(assignableTo(SOURCE_MAPPING));
    }
}
