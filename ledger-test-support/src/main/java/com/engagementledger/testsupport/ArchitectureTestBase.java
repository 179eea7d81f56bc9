package com.engagementledger.testsupport;

import org.junit.jupiter.api.Test;

/**
 * The boundary rules every service shares, as tests: a service's ArchitectureTest extends this with its application
 * class and adds the rules that name its own domain ({@link ServiceArchitecture#domainUsesNoWebOrJdbc},
 * {@link ServiceArchitecture#controllersDecideNoDomainRule}).
 */
public abstract class ArchitectureTestBase {
    protected final ServiceArchitecture service;

    protected ArchitectureTestBase(Class<?> application) {
        this.service = ServiceArchitecture.of(application);
    }

    @Test
    void features_form_no_cycle() {
        service.featuresAreFreeOfCycles();
    }

    @Test
    void features_use_each_other_only_through_their_own_package() {
        service.featuresUseEachOtherOnlyThroughTheirOwnPackage();
    }
}
