package com.engagementledger.intake;

import com.engagementledger.testsupport.ApiDocumentContract;

/** intake-service's OpenAPI document, as integrators' tools read it. */
class ApiDocumentTest extends IntegrationTest implements ApiDocumentContract {
}
