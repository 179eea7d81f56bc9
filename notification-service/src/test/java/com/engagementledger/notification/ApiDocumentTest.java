package com.engagementledger.notification;

import com.engagementledger.testsupport.ApiDocumentContract;

/** notification-service's OpenAPI document, as integrators' tools read it. */
class ApiDocumentTest extends IntegrationTest implements ApiDocumentContract {
}
