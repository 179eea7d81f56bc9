package com.engagementledger.notification.webhooks;

import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Server-side request forgery guard: only http(s) to public addresses, unless the configured allow-list names the
 * host or its address range. Applied when a subscription is made and again on the resolved address before each
 * delivery, so a name that later resolves to an internal address is still refused.
 */
@Component
class UrlGuard {
    /** A refusal with its stable rule name. */
    public static class UnsafeUrl extends RuntimeException {
        private final String rule;

        UnsafeUrl(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private final List<String> allowedHosts;
    private final List<Cidr> allowedCidrs;

    public UrlGuard(WebhookProperties props) {
        this.allowedHosts = props.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowedCidrs = props.allowedCidrs().stream().map(Cidr::parse).toList();
    }

    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new UnsafeUrl("webhooks.url.invalid", "not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeUrl("webhooks.url.scheme-not-allowed",
                    "only http and https URLs are allowed, not '" + scheme + ":'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new UnsafeUrl("webhooks.url.invalid", "the URL has no host: " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new UnsafeUrl("webhooks.url.credentials-not-allowed", "credentials in the URL are not allowed");
        }
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnsafeUrl("webhooks.url.unresolvable", "the host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            String reason = forbidden(address);
            if (reason != null && allowedCidrs.stream().noneMatch(c -> c.contains(address))) {
                throw new UnsafeUrl("webhooks.url.address-not-allowed", "the host '" + host + "' resolves to "
                        + address.getHostAddress() + ", a " + reason + " address, which is not allowed");
            }
        }
        return uri;
    }

    /** Why an address must not be called, or null when it is public. */
    static String forbidden(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "any-local";
        }
        if (b.length == 4 && (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254) {
            return (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254 ? "cloud metadata" : "link-local";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (b.length == 4 && ((b[0] & 0xff) == 0 || (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64
                || (b[0] & 0xff) == 255)) {
            return "reserved";
        }
        if (b.length == 16 && (b[0] & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        return null;
    }

    record Cidr(BigInteger network, BigInteger mask, int length) {
        static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int bits = address.length * 8;
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
                BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                        .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
                return new Cidr(new BigInteger(1, address).and(mask), mask, address.length);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == length && new BigInteger(1, bytes).and(mask).equals(network);
        }
    }
}
