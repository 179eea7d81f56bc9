package com.engagementledger.notification.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlGuardTest {
    private static UrlGuard guard(List<String> hosts, List<String> cidrs) {
        return new UrlGuard(new WebhookProperties(hosts, cidrs,
                new WebhookProperties.Retry(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), Duration.ofHours(24), 0.2),
                5, Duration.ofSeconds(5)));
    }

    @Test
    void loopback_is_refused_without_an_allow_list() {
        assertThatThrownBy(() -> guard(List.of(), List.of()).check("http://127.0.0.1:9000/hook"))
                .isInstanceOf(UrlGuard.UnsafeUrl.class).hasMessageContaining("loopback");
    }

    @Test
    void metadata_address_is_named_as_such() {
        assertThatThrownBy(() -> guard(List.of(), List.of()).check("http://169.254.169.254/"))
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void allow_listed_host_and_cidr_pass() {
        assertThat(guard(List.of("127.0.0.1"), List.of()).check("http://127.0.0.1:9000/hook")).isNotNull();
        assertThat(guard(List.of(), List.of("127.0.0.0/8")).check("http://localhost:9000/hook")).isNotNull();
        assertThat(guard(List.of(), List.of("10.1.0.0/16")).check("https://10.1.2.3/hook")).isNotNull();
        assertThatThrownBy(() -> guard(List.of(), List.of("10.1.0.0/16")).check("https://10.2.0.1/hook"))
                .hasMessageContaining("private");
    }

    @Test
    void public_address_passes() {
        assertThat(guard(List.of(), List.of()).check("https://93.184.216.34/hook")).isNotNull();
    }

    @Test
    void signature_follows_standard_webhooks() {
        // the example of the Standard Webhooks specification
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
