package com.engagementledger.engagement.api;

import com.engagementledger.engagement.support.IntegrationTest;
import com.engagementledger.testsupport.ApiDocumentContract;

/** engagement-service's OpenAPI document, as integrators' tools read it. */
class ApiDocumentTest extends IntegrationTest implements ApiDocumentContract {
}
