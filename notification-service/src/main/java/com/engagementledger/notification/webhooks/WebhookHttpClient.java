package com.engagementledger.notification.webhooks;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP client of webhook deliveries (Apache HttpClient 5, whose connections take their addresses from a
 * {@link DnsResolver}): the resolver is the {@link UrlGuard}, so a delivery connects only to addresses the guard
 * has just checked, and never resolves the name a second time. No redirects (they could point past the guard), no
 * system proxy (a proxy would resolve the name itself), no retries inside one attempt (the delivery schedule
 * retries), no cookies. Closed with the application context (it is {@link AutoCloseable}).
 */
@Component
class WebhookHttpClient implements AutoCloseable {
    /** As Standard Webhooks receivers expect it: no charset parameter (JSON is UTF-8). */
    private static final ContentType CLOUDEVENTS_JSON = ContentType.create("application/cloudevents+json");

    /** The guard's refusal, carried through the client as the lookup failure its interface allows. */
    static final class RefusedAddress extends UnknownHostException {
        private final UrlGuard.UnsafeUrl refusal;

        RefusedAddress(UrlGuard.UnsafeUrl refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        UrlGuard.UnsafeUrl refusal() {
            return refusal;
        }
    }

    private final CloseableHttpClient http;

    @Autowired
    WebhookHttpClient(UrlGuard guard, WebhookProperties props) {
        this(guard, props.requestTimeout());
    }

    WebhookHttpClient(UrlGuard guard, Duration timeout) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return guard.addressesFor(host);
                } catch (UrlGuard.UnsafeUrl refused) {
                    throw new RefusedAddress(refused);
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** POSTs the payload and answers the status code; a refused address is thrown as the guard's {@code UnsafeUrl}. */
    int post(URI uri, Map<String, String> headers, String payload) throws IOException {
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(payload.getBytes(StandardCharsets.UTF_8), CLOUDEVENTS_JSON));
        try {
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RefusedAddress refused) {
                    throw refused.refusal();
                }
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
