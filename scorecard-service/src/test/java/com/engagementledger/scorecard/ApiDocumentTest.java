package com.engagementledger.scorecard;

import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.testsupport.ApiDocumentContract;

/** scorecard-service's OpenAPI document, as integrators' tools read it. */
class ApiDocumentTest extends IntegrationTest implements ApiDocumentContract {
}
