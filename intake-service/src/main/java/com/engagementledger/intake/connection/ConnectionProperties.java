package com.engagementledger.intake.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code ledger.intake.*} of connections.
 *
 * @param publicBaseUrl this service as the tools reach it; a connection's webhook URL starts with it
 * @param secretKey     AES key (base64 of 16, 24 or 32 bytes) that encrypts the webhook secrets at rest
 */
@ConfigurationProperties("ledger.intake")
record ConnectionProperties(URI publicBaseUrl, String secretKey) {
}
