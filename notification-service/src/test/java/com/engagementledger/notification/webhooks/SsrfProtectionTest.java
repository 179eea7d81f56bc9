package com.engagementledger.notification.webhooks;

import com.engagementledger.notification.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription URLs to internal addresses are refused with 422 naming the rule (only 127.0.0.1 is allow-listed). */
class SsrfProtectionTest extends IntegrationTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.2:8080/hook, webhooks.url.address-not-allowed",
            "http://169.254.169.254/latest/meta-data, webhooks.url.address-not-allowed",
            "http://10.0.0.1/hook, webhooks.url.address-not-allowed",
            "http://192.168.1.10/hook, webhooks.url.address-not-allowed",
            "http://[::1]/hook, webhooks.url.address-not-allowed",
            "http://localhost:8080/hook, webhooks.url.address-not-allowed",
            "file:///etc/passwd, webhooks.url.scheme-not-allowed",
            "ftp://example.com/x, webhooks.url.scheme-not-allowed",
            "http://user:pw@127.0.0.1/x, webhooks.url.credentials-not-allowed",
            "'http://[::127.0.0.2]/hook', webhooks.url.address-not-allowed",
            "'http://[64:ff9b::a9fe:a9fe]/hook', webhooks.url.address-not-allowed",
            "http://240.0.0.1/hook, webhooks.url.address-not-allowed",
            "http://0177.0.0.1/hook, webhooks.url.ambiguous-address",
            "http://93.184.216.34:0/hook, webhooks.url.port-not-allowed"
    })
    void webhook_url_to_internal_address_is_refused(String url, String rule) {
        Response response = post("/subscriptions", lead(newId()), Map.of("url", url));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asText()).isEqualTo(rule);
        assertThat(response.body().get("field").asText()).isEqualTo("url");
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }
}
