package com.engagementledger.notification.webhooks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DNS rebinding: a name that resolves to an allowed address when checked and to an internal one a moment later.
 * The delivery's client connects to the addresses the guard checked, from the guard's one lookup per connection.
 */
class WebhookHttpClientTest {
    private HttpServer receiver;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /** A DNS server for one made-up name whose answers change: each lookup takes the next answer. */
    private static UrlGuard.HostResolver rebinding(ConcurrentLinkedQueue<String> answers, AtomicInteger lookups) {
        return host -> {
            assertThat(host).isEqualTo("hooks.rebinding.test");
            lookups.incrementAndGet();
            return new InetAddress[]{InetAddress.getByName(answers.poll())};
        };
    }

    private static WebhookProperties allowing(String cidr) {
        return new WebhookProperties(List.of(), List.of(cidr),
                new WebhookProperties.Retry(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), Duration.ofHours(24), 0.2),
                5, Duration.ofSeconds(5));
    }

    @Test
    void the_client_connects_to_the_address_the_guard_checked_and_looks_the_name_up_only_through_it() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // the test's receiver plays the allowed address; the system's resolver has never heard of the name
        UrlGuard guard = new UrlGuard(allowing("127.0.0.1/32"),
                rebinding(new ConcurrentLinkedQueue<>(List.of("127.0.0.1", "127.0.0.1", "10.0.0.7")), lookups));
        URI hook = URI.create("http://hooks.rebinding.test:" + receiver.getAddress().getPort() + "/hook");
        try (WebhookHttpClient client = new WebhookHttpClient(guard, Duration.ofSeconds(5))) {
            assertThat(guard.check(hook.toString())).isEqualTo(hook);
            assertThat(client.post(hook, Map.of("webhook-id", "msg_1"), "{}")).isEqualTo(204);
            assertThat(requests).hasValue(1);
            assertThat(lookups).hasValue(2);
        }
    }

    @Test
    void a_name_that_resolves_to_an_internal_address_after_the_check_is_refused_without_a_connection()
            throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        UrlGuard guard = new UrlGuard(allowing("127.0.0.1/32"),
                rebinding(new ConcurrentLinkedQueue<>(List.of("127.0.0.1", "127.0.0.2")), lookups));
        URI hook = URI.create("http://hooks.rebinding.test:" + receiver.getAddress().getPort() + "/hook");
        assertThat(guard.check(hook.toString())).isEqualTo(hook);
        try (WebhookHttpClient client = new WebhookHttpClient(guard, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.post(hook, Map.of("webhook-id", "msg_2"), "{}"))
                    .isInstanceOfSatisfying(UrlGuard.UnsafeUrl.class, e -> assertThat(e.rule())
                            .isEqualTo("webhooks.url.address-not-allowed"))
                    .hasMessageContaining("127.0.0.2").hasMessageContaining("loopback");
        }
        assertThat(lookups).hasValue(2);
        assertThat(requests).hasValue(0);
    }
}
