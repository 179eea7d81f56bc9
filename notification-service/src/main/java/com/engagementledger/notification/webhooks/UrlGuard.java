package com.engagementledger.notification.webhooks;

import com.engagementledger.support.problem.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Server-side request forgery guard: only http(s), on a port from 1 to 65535, to a host written unambiguously, that
 * resolves to globally reachable addresses only ({@link SpecialPurposeAddresses}) — unless the configured allow-list
 * names the host or its address range. A subscription's URL is checked when it is made; each delivery connects
 * through {@link #addressesFor}, so the address checked is the address connected to: a name that resolves to a
 * public address when checked and to an internal one a moment later (DNS rebinding) gets no second lookup.
 */
@Component
class UrlGuard {
    /** A last label of digits or 0x-hex: the host is meant as an IPv4 address (as the WHATWG URL standard reads it). */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)");
    /** The only IPv4 form every tool reads alike: four decimal octets without leading zeros. */
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final int MAX_PORT = 65535;

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

    /** Name resolution, a seam for tests that play a DNS server which changes its answer. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final List<Cidr> allowedCidrs;
    private final HostResolver resolver;

    @Autowired
    UrlGuard(WebhookProperties props) {
        this(props, InetAddress::getAllByName);
    }

    UrlGuard(WebhookProperties props, HostResolver resolver) {
        this.allowedHosts = props.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowedCidrs = props.allowedCidrs().stream().map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /** When subscribing: the URL's form, and the addresses its host resolves to now. */
    public URI check(String url) {
        URI uri = parse(url);
        addressesFor(uri.getHost());
        return uri;
    }

    /** The URL's form alone: scheme, credentials, port, and a host that every tool reads as the same address. */
    URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new UnsafeUrl("webhooks.url.invalid", "not a valid URL: " + Problems.quote(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeUrl("webhooks.url.scheme-not-allowed",
                    "only http and https URLs are allowed, not " + Problems.quote(scheme + ":"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeUrl("webhooks.url.credentials-not-allowed", "credentials in the URL are not allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            if (uri.getRawAuthority() != null) {
                // java.net.URI keeps no host for 0x7f.0.0.1 or 127.1 (a last label of digits): say why it is refused
                requireUnambiguous(hostOf(uri.getRawAuthority()));
            }
            throw new UnsafeUrl("webhooks.url.invalid", "the URL has no host (or a port that is not a number up to "
                    + MAX_PORT + "): " + Problems.quote(url));
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw new UnsafeUrl("webhooks.url.port-not-allowed", "the port must be between 1 and " + MAX_PORT
                    + ", not " + uri.getPort());
        }
        requireUnambiguous(host);
        return uri;
    }

    /**
     * The addresses to connect to for a host, each of them checked: all must be globally reachable, or allowed by
     * configuration. Used by the delivery's HTTP client in place of its own resolution.
     */
    InetAddress[] addressesFor(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        requireUnambiguous(bare);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new UnsafeUrl("webhooks.url.unresolvable", "the host " + Problems.quote(bare) + " does not resolve");
        }
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String reason = SpecialPurposeAddresses.reason(address);
            if (reason != null && allowedCidrs.stream().noneMatch(c -> c.contains(address))) {
                throw new UnsafeUrl("webhooks.url.address-not-allowed", "the host " + Problems.quote(bare)
                        + " resolves to " + address.getHostAddress() + ", a " + reason
                        + " address, which is not allowed");
            }
        }
        return addresses;
    }

    /** The host part of an authority that java.net.URI did not split: without credentials and port. */
    private static String hostOf(String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostAndPort.startsWith("[")) {
            return hostAndPort;
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /**
     * A host meant as an IPv4 address must be written as four decimal octets: {@code 0177.0.0.1} is 127.0.0.1 to
     * curl and browsers and 177.0.0.1 to Java, {@code 2130706433}, {@code 0x7f.1} and {@code 127.1} are loopback to
     * some tools and names to others. An IPv6 literal must not name a zone.
     */
    private static void requireUnambiguous(String host) {
        if (host.contains(":")) {
            if (host.contains("%")) {
                throw new UnsafeUrl("webhooks.url.ambiguous-address", "an IPv6 address with a zone is not allowed");
            }
            return;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LAST_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(name).matches()) {
            throw new UnsafeUrl("webhooks.url.ambiguous-address", "the host " + Problems.quote(host)
                    + " reads as an IPv4 address in a form tools disagree on; write it as four decimal numbers "
                    + "without leading zeros");
        }
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
