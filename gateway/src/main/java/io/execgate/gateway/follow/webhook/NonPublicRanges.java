package io.execgate.gateway.follow.webhook;

import java.util.List;

/**
 * The address ranges a webhook may not reach, as CIDR prefixes checked on the address bytes.
 * Written out rather than taken from {@code InetAddress.isSiteLocalAddress()} and friends: those
 * know neither CGNAT, nor IPv6 unique-local addresses, nor IPv4 addresses carried inside IPv6 ones.
 */
final class NonPublicRanges {

    /** IPv4 ranges that are not the public internet (IANA special-purpose registry, the risky part). */
    private static final List<Prefix> IPV4 = List.of(
            Prefix.v4(0, 0, 0, 0, 8),         // "this network", incl. 0.0.0.0 (any-local)
            Prefix.v4(10, 0, 0, 0, 8),        // private
            Prefix.v4(100, 64, 0, 0, 10),     // shared address space (CGNAT); one cloud's metadata is 100.100.100.200
            Prefix.v4(127, 0, 0, 0, 8),       // loopback
            Prefix.v4(169, 254, 0, 0, 16),    // link-local, incl. the metadata address 169.254.169.254
            Prefix.v4(172, 16, 0, 0, 12),     // private
            Prefix.v4(192, 0, 0, 0, 24),      // IETF protocol assignments
            Prefix.v4(192, 168, 0, 0, 16),    // private
            Prefix.v4(198, 18, 0, 0, 15),     // benchmarking
            Prefix.v4(224, 0, 0, 0, 4),       // multicast
            Prefix.v4(240, 0, 0, 0, 4));      // reserved, incl. broadcast 255.255.255.255

    /** IPv6 ranges that are not the public internet, once embedded IPv4 addresses are dealt with. */
    private static final List<Prefix> IPV6 = List.of(
            Prefix.v6(32, 0x2001, 0, 0, 0, 0, 0, 0, 0),            // Teredo: carries an obfuscated IPv4 address
            Prefix.v6(48, 0x0064, 0xff9b, 0x0001, 0, 0, 0, 0, 0),  // local-use NAT64 (RFC 8215)
            Prefix.v6(7, 0xfc00, 0, 0, 0, 0, 0, 0, 0),             // unique local, incl. a metadata address fd00:ec2::254
            Prefix.v6(10, 0xfe80, 0, 0, 0, 0, 0, 0, 0),            // link-local
            Prefix.v6(10, 0xfec0, 0, 0, 0, 0, 0, 0, 0),            // site-local (deprecated, still routed inside sites)
            Prefix.v6(8, 0xff00, 0, 0, 0, 0, 0, 0, 0));            // multicast

    /**
     * IPv6 ranges whose addresses carry an IPv4 address, and where: such an address is as public as
     * the IPv4 address it carries. {@code ::/96} (IPv4-compatible) also covers {@code ::} and
     * {@code ::1}, judged as 0.0.0.0 and 0.0.0.1.
     */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(Prefix.v6(96, 0, 0, 0, 0, 0, 0xffff, 0, 0), 12),      // IPv4-mapped ::ffff:a.b.c.d
            new Embedding(Prefix.v6(96, 0, 0, 0, 0, 0xffff, 0, 0, 0), 12),      // IPv4-translated ::ffff:0:a.b.c.d
            new Embedding(Prefix.v6(96, 0, 0, 0, 0, 0, 0, 0, 0), 12),           // IPv4-compatible ::a.b.c.d
            new Embedding(Prefix.v6(96, 0x0064, 0xff9b, 0, 0, 0, 0, 0, 0), 12), // NAT64 64:ff9b::a.b.c.d
            new Embedding(Prefix.v6(16, 0x2002, 0, 0, 0, 0, 0, 0, 0), 2));      // 6to4 2002:aabb:ccdd::

    private NonPublicRanges() {
    }

    static boolean isPublic(byte[] address) {
        if (address.length == 4) {
            return IPV4.stream().noneMatch(prefix -> prefix.contains(address));
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.prefix().contains(address)) {
                return isPublic(embedding.ipv4(address));
            }
        }
        return IPV6.stream().noneMatch(prefix -> prefix.contains(address));
    }

    /** A CIDR block: the first {@code bits} bits of an address equal those of {@code network}. */
    private record Prefix(byte[] network, int bits) {

        static Prefix v4(int a, int b, int c, int d, int bits) {
            return new Prefix(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, bits);
        }

        /** An IPv6 prefix from its eight 16-bit groups, as written in the RFCs. */
        static Prefix v6(int bits, int... groups) {
            byte[] network = new byte[16];
            for (int i = 0; i < 8; i++) {
                network[2 * i] = (byte) (groups[i] >>> 8);
                network[2 * i + 1] = (byte) groups[i];
            }
            return new Prefix(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** IPv6 addresses in {@code prefix} carry an IPv4 address at byte {@code offset}. */
    private record Embedding(Prefix prefix, int offset) {
        byte[] ipv4(byte[] address) {
            byte[] ipv4 = new byte[4];
            System.arraycopy(address, offset, ipv4, 0, 4);
            return ipv4;
        }
    }
}
