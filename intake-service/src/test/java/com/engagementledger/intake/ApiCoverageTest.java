package com.engagementledger.intake;

import com.engagementledger.testsupport.ApiDocumentAssert;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Runs after every other test class: each operation of intake-service's document answered some test with a success,
 * so OpenApiResponseCheck held every kind of answer against the document.
 */
@Order(Integer.MAX_VALUE)
class ApiCoverageTest extends IntegrationTest {

    @Test
    void every_operation_of_the_document_was_exercised() throws Exception {
        ApiDocumentAssert.assertEveryOperationExercised(ApiDocumentAssert.liveDocument(port), Map.of());
    }
}
