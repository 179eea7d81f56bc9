package com.engagementledger.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Path;

/**
 * What every service's OpenAPI document promises integrators' tools, as tests a service's web-environment test class
 * takes on by implementing this interface: a feature tag and a summary on every operation, and the committed
 * {@code docs/openapi/<spring.application.name>.json} equal to the live document.
 */
public interface ApiDocumentContract {

    @Test
    default void every_operation_has_one_feature_tag_and_a_summary(@Value("${local.server.port}") int port)
            throws Exception {
        ApiDocumentAssert.everyOperationHasOneDescribedTagAndASummary(ApiDocumentAssert.liveDocument(port));
    }

    @Test
    default void the_committed_document_is_the_live_one(@Value("${local.server.port}") int port,
                                                        @Value("${spring.application.name}") String service)
            throws Exception {
        ApiDocumentAssert.assertCommittedDocumentIsLive(ApiDocumentAssert.liveDocument(port),
                Path.of("..", "docs", "openapi", service + ".json"));
    }
}
