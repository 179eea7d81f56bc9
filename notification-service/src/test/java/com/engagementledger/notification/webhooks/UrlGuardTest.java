package com.engagementledger.notification.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(guard(List.of(), List.of()).check("https://93.184.216.34:65535/hook")).isNotNull();
        assertThat(guard(List.of(), List.of()).check("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"))
                .isNotNull();
        // 6to4 and NAT64 forms of a public IPv4 address are public too
        assertThat(guard(List.of(), List.of()).check("http://[64:ff9b::5db8:d822]/hook")).isNotNull();
        assertThat(guard(List.of(), List.of()).check("http://[2002:5db8:d822::1]/hook")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // IPv4 inside IPv6: IPv4-compatible, IPv4-mapped, NAT64 (well-known and local-use), 6to4
            "http://[::127.0.0.2]/hook | loopback",
            "http://[::ffff:127.0.0.1]/hook | loopback",
            "http://[::ffff:10.0.0.1]/hook | ",
            "http://[64:ff9b::7f00:1]/hook | loopback",
            "http://[64:ff9b::a9fe:a9fe]/hook | cloud metadata",
            "http://[64:ff9b:1::a00:1]/hook | NAT64",
            "http://[2002:7f00:1::]/hook | loopback",
            "http://[2002:c0a8:101::1]/hook | private",
            // IANA's IPv4 special-purpose registry beyond loopback and RFC 1918
            "http://240.0.0.1/hook | reserved",
            "http://255.255.255.255/hook | reserved",
            "http://198.18.0.1/hook | benchmarking",
            "http://198.19.255.1/hook | benchmarking",
            "http://192.0.0.8/hook | ",
            "http://192.0.2.1/hook | documentation",
            "http://198.51.100.7/hook | documentation",
            "http://203.0.113.9/hook | documentation",
            "http://100.64.0.1/hook | shared",
            "http://0.0.0.0/hook | ",
            "http://224.0.0.1/hook | multicast",
            "http://192.88.99.1/hook | ",
            // IPv6 outside global unicast or in its special-purpose blocks
            "http://[::]/hook | unspecified",
            "http://[fc00::1]/hook | private",
            "http://[fe80::1]/hook | link-local",
            "http://[fec0::1]/hook | site-local",
            "http://[ff02::1]/hook | multicast",
            "http://[100::1]/hook | discard",
            "http://[2001:db8::1]/hook | documentation",
            "http://[2001::1]/hook | ",
            "http://[2001:2::1]/hook | ",
            "http://[fd00:ec2::254]/hook | ",
            "http://[4000::1]/hook | not global unicast"
    })
    void every_address_that_is_not_global_is_refused(String url, String reason) {
        assertThatThrownBy(() -> guard(List.of(), List.of()).check(url))
                .isInstanceOfSatisfying(UrlGuard.UnsafeUrl.class,
                        e -> assertThat(e.rule()).isEqualTo("webhooks.url.address-not-allowed"))
                .hasMessageContaining(reason == null ? "" : reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://0177.0.0.1/hook", "http://0x7f.0.0.1/hook", "http://0x7f000001/hook", "http://2130706433/hook",
            "http://127.1/hook", "http://127.000.000.001/hook", "http://010.1.1.1/hook", "http://93.184.216.034/hook",
            "http://[fe80::1%25eth0]/hook"})
    void an_address_written_in_a_form_tools_read_differently_is_refused(String url) {
        assertThatThrownBy(() -> guard(List.of(), List.of()).check(url))
                .isInstanceOfSatisfying(UrlGuard.UnsafeUrl.class,
                        e -> assertThat(e.rule()).isEqualTo("webhooks.url.ambiguous-address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34:0/hook", "http://93.184.216.34:65536/hook",
            "http://93.184.216.34:99999/hook", "http://93.184.216.34:4294967377/hook"})
    void a_port_outside_1_to_65535_is_refused(String url) {
        assertThatThrownBy(() -> guard(List.of(), List.of()).check(url))
                .isInstanceOfSatisfying(UrlGuard.UnsafeUrl.class, e -> assertThat(e.rule())
                        .isIn("webhooks.url.port-not-allowed", "webhooks.url.invalid"));
    }

    @Test
    void signature_follows_standard_webhooks() {
        // the example of the Standard Webhooks specification
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
