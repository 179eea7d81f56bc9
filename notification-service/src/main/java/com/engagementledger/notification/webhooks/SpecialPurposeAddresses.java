package com.engagementledger.notification.webhooks;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a webhook may not be sent to: every address that is not globally reachable, after IANA's IPv4 and
 * IPv6 Special-Purpose Address Registries (RFC 6890 and their updates), plus multicast and, for IPv6, everything
 * outside global unicast (2000::/3). An IPv6 address that carries an IPv4 one (IPv4-mapped, NAT64 64:ff9b::/96, 6to4
 * 2002::/16) is judged by the IPv4 address it reaches. Blocks that the registries mark global but no webhook
 * receiver lives in (the 192.0.0.0/24 anycast services, 2001::/23 as a whole) are refused too.
 */
final class SpecialPurposeAddresses {
    private record Block(BigInteger network, int prefix, int bits, String name) {
        boolean contains(BigInteger address, int addressBits) {
            return addressBits == bits && address.shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("169.254.169.254/32", "cloud metadata"),
            block("0.0.0.0/8", "'this network'"),
            block("10.0.0.0/8", "private"),
            block("100.64.0.0/10", "shared (carrier-grade NAT)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local"),
            block("172.16.0.0/12", "private"),
            block("192.0.0.0/24", "IETF protocol assignment"),
            block("192.0.2.0/24", "documentation"),
            block("192.88.99.0/24", "6to4 relay anycast"),
            block("192.168.0.0/16", "private"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation"),
            block("203.0.113.0/24", "documentation"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved"));

    private static final List<Block> IPV6 = List.of(
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("::/96", "IPv4-compatible (deprecated)"),
            block("fd00:ec2::254/128", "cloud metadata"),
            block("fc00::/7", "private (unique local)"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local (deprecated)"),
            block("ff00::/8", "multicast"),
            block("64:ff9b:1::/48", "local-use NAT64"),
            block("100::/64", "discard-only"),
            block("2001::/23", "IETF protocol assignment (Teredo, benchmarking, ORCHID)"),
            block("2001:db8::/32", "documentation"),
            block("3fff::/20", "documentation"),
            block("5f00::/16", "segment routing"));

    private static final Block GLOBAL_UNICAST = block("2000::/3", "global unicast");
    private static final Block NAT64 = block("64:ff9b::/96", "NAT64");
    private static final Block SIX_TO_FOUR = block("2002::/16", "6to4");

    private SpecialPurposeAddresses() {
    }

    /** Why the address must not be called (e.g. "loopback"), or null when it is globally reachable. */
    static String reason(InetAddress address) {
        byte[] bytes = address.getAddress();
        BigInteger value = new BigInteger(1, bytes);
        int bits = bytes.length * 8;
        // judged first by the IPv4 address it reaches, so [::127.0.0.2] is refused as the loopback it is
        Inet4Address embedded = bits == 32 ? null : embeddedIpv4(bytes);
        if (embedded != null) {
            String inner = reason(embedded);
            if (inner != null) {
                return "form of " + embedded.getHostAddress() + ", a " + inner;
            }
        }
        for (Block block : bits == 32 ? IPV4 : IPV6) {
            if (block.contains(value, bits)) {
                return block.name();
            }
        }
        if (bits == 32 || embedded != null) {
            return null;
        }
        return GLOBAL_UNICAST.contains(value, bits) ? null : "not global unicast";
    }

    /** The IPv4 address an IPv6 one reaches through a translation or tunnel prefix, or null. */
    private static Inet4Address embeddedIpv4(byte[] ipv6) {
        BigInteger value = new BigInteger(1, ipv6);
        boolean mapped = value.shiftRight(32).equals(BigInteger.valueOf(0xffffL));
        // IPv4-compatible (::/96, deprecated) but not :: and ::1, which are IPv6's own unspecified and loopback
        boolean compatible = value.shiftRight(32).signum() == 0 && value.compareTo(BigInteger.ONE) > 0;
        int from;
        if (mapped || compatible || NAT64.contains(value, 128)) {
            from = 12;
        } else if (SIX_TO_FOUR.contains(value, 128)) {
            from = 2;
        } else {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[]{ipv6[from], ipv6[from + 1], ipv6[from + 2],
                    ipv6[from + 3]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Block block(String cidr, String name) {
        String[] parts = cidr.split("/");
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            return new Block(new BigInteger(1, network), Integer.parseInt(parts[1]), network.length * 8, name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
