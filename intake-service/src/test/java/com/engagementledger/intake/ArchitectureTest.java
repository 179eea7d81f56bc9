package com.engagementledger.intake;

import com.engagementledger.testsupport.ArchitectureTestBase;

/** intake-service's boundaries: the shared rules. */
class ArchitectureTest extends ArchitectureTestBase {

    ArchitectureTest() {
        super(IntakeServiceApplication.class);
    }
}
