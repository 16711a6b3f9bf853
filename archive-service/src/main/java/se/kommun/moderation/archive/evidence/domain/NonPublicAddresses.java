package se.kommun.moderation.archive.evidence.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the evidence browser must never reach: anything that is not a public unicast
 * address on the internet. A permalink is written by whoever wrote the comment, so without this a
 * comment could make the archive's browser fetch the cloud metadata service (169.254.169.254), a
 * database admin page on the private network, or a service bound to loopback, and file the
 * answer as evidence.
 *
 * <p>IPv4 ranges are those of the IANA special-purpose registry that are not globally reachable.
 * IPv6 is public only inside global unicast (2000::/3) and outside its special blocks; the forms
 * that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4
 * address they carry, because that is the host they end up reaching.
 */
public final class NonPublicAddresses {

    private record Ipv4Range(int network, int prefix, String kind) {
        boolean contains(int address) {
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            return (address & mask) == (network & mask);
        }
    }

    private record Ipv6Range(byte[] network, int prefix, String kind) {
        boolean contains(byte[] address) {
            return samePrefix(address, network, prefix);
        }
    }

    // Order matters where ranges nest: broadcast is inside 240/4 and is reported as broadcast.
    private static final List<Ipv4Range> IPV4 = List.of(
            v4("0.0.0.0", 8, "unspecified"),
            v4("10.0.0.0", 8, "private"),
            v4("100.64.0.0", 10, "shared address space, CGNAT"),
            v4("127.0.0.0", 8, "loopback"),
            v4("169.254.0.0", 16, "link-local"),
            v4("172.16.0.0", 12, "private"),
            v4("192.0.0.0", 24, "IETF protocol assignments"),
            v4("192.0.2.0", 24, "documentation"),
            v4("192.88.99.0", 24, "6to4 relay anycast"),
            v4("192.168.0.0", 16, "private"),
            v4("198.18.0.0", 15, "benchmarking"),
            v4("198.51.100.0", 24, "documentation"),
            v4("203.0.113.0", 24, "documentation"),
            v4("224.0.0.0", 4, "multicast"),
            v4("255.255.255.255", 32, "broadcast"),
            v4("240.0.0.0", 4, "reserved"));

    private static final List<Ipv6Range> IPV6 = List.of(
            v6("64:ff9b:1::", 48, "local-use NAT64"),
            v6("100::", 64, "discard-only"),
            v6("2001::", 32, "Teredo tunnel"),
            v6("2001:10::", 28, "ORCHID"),
            v6("2001:20::", 28, "ORCHIDv2"),
            v6("2001:db8::", 32, "documentation"),
            v6("fc00::", 7, "unique local, private"),
            v6("fe80::", 10, "link-local"),
            v6("fec0::", 10, "site-local"),
            v6("ff00::", 8, "multicast"));

    private static final byte[] GLOBAL_UNICAST = bytes("2000::");
    private static final byte[] NAT64 = bytes("64:ff9b::");
    private static final byte[] SIX_TO_FOUR = bytes("2002::");

    private NonPublicAddresses() {
    }

    /** What kind of non-public address this is ("loopback", "private"…), or empty when it is public. */
    public static Optional<String> kind(InetAddress address) {
        byte[] a = address.getAddress();
        return a.length == 4 ? ipv4(toInt(a, 0)) : ipv6(a);
    }

    public static boolean isPublic(InetAddress address) {
        return kind(address).isEmpty();
    }

    private static Optional<String> ipv4(int address) {
        return IPV4.stream().filter(r -> r.contains(address)).map(Ipv4Range::kind).findFirst();
    }

    private static Optional<String> ipv6(byte[] a) {
        if (allZero(a, 0, 10)) {
            boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
            if (mapped) {
                return ipv4(toInt(a, 12)).map(kind -> kind + ", IPv4-mapped");
            }
            if (allZero(a, 10, 16)) {
                return Optional.of("unspecified");
            }
            if (allZero(a, 10, 15) && a[15] == 1) {
                return Optional.of("loopback");
            }
            if (allZero(a, 10, 12)) {
                // IPv4-compatible (::a.b.c.d) is deprecated and never a legitimate destination.
                return Optional.of(ipv4(toInt(a, 12)).map(kind -> kind + ", IPv4-compatible")
                        .orElse("IPv4-compatible, deprecated"));
            }
        }
        if (samePrefix(a, NAT64, 96)) {
            return ipv4(toInt(a, 12)).map(kind -> kind + ", NAT64");
        }
        if (samePrefix(a, SIX_TO_FOUR, 16)) {
            return ipv4(toInt(a, 2)).map(kind -> kind + ", 6to4");
        }
        Optional<String> special = IPV6.stream().filter(r -> r.contains(a)).map(Ipv6Range::kind).findFirst();
        if (special.isPresent()) {
            return special;
        }
        return samePrefix(a, GLOBAL_UNICAST, 3) ? Optional.empty() : Optional.of("reserved");
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[whole] & mask) == (b[whole] & mask);
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] a, int offset) {
        return (a[offset] & 0xff) << 24 | (a[offset + 1] & 0xff) << 16 | (a[offset + 2] & 0xff) << 8
                | (a[offset + 3] & 0xff);
    }

    private static Ipv4Range v4(String network, int prefix, String kind) {
        return new Ipv4Range(toInt(bytes(network), 0), prefix, kind);
    }

    private static Ipv6Range v6(String network, int prefix, String kind) {
        return new Ipv6Range(bytes(network), prefix, kind);
    }

    /** Literals only (no lookup happens for them); for the tables above. */
    private static byte[] bytes(String literal) {
        return IpLiterals.parse(literal).orElseThrow(() -> new IllegalArgumentException(literal)).getAddress();
    }
}
