package com.engagementledger.intake;

import com.engagementledger.testsupport.ApiDocumentAssert;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** intake-service's OpenAPI document, as integrators' tools read it. */
class ApiDocumentTest extends IntegrationTest {

    @Test
    void every_operation_has_one_feature_tag_and_a_summary() throws Exception {
        ApiDocumentAssert.everyOperationHasOneDescribedTagAndASummary(ApiDocumentAssert.liveDocument(port));
    }

    @Test
    void the_committed_document_is_the_live_one() throws Exception {
        ApiDocumentAssert.assertCommittedDocumentIsLive(ApiDocumentAssert.liveDocument(port),
                Path.of("..", "docs", "openapi", "intake-service.json"));
    }
}
