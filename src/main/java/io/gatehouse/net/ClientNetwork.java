package io.gatehouse.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What a per-address limit counts a client by: an IPv4 address by itself, an IPv6 address by its
 * /64. One subscriber is given a whole /64 (RFC 6177) and picks any address in it at will, so a
 * limit per IPv6 address would be a limit per request.
 */
public final class ClientNetwork {

    private static final int IPV6_PREFIX_GROUPS = 4;

    private ClientNetwork() {
    }

    /**
     * The key for {@code address} as {@link ClientAddress} gives it: "192.0.2.1" for an IPv4
     * address (also written IPv4-mapped, ::ffff:192.0.2.1), "2001:db8:1:2::/64" for any address
     * in that /64 (however written, zone id or not). Text that is not an address stays itself.
     */
    public static String of(String address) {
        String bare = withoutZone(address);
        byte[] bytes = IpRange.canonical(bare).map(ClientNetwork::bytes).orElse(null);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return text(bytes);  // the JDK reads ::ffff:a.b.c.d as the IPv4 address it is
        }
        // The JDK writes all eight groups ("2001:db8:1:2:0:0:0:5"): the first four are the /64.
        String[] groups = text(bytes).split(":");
        return String.join(":", Arrays.copyOf(groups, IPV6_PREFIX_GROUPS)) + "::/64";
    }

    /** "fe80::1%eth0": the zone names the server's own interface, not the client. */
    private static String withoutZone(String address) {
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }

    private static byte[] bytes(String canonical) {
        try {
            return InetAddress.getByName(canonical).getAddress();  // a literal: never a DNS look-up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);  // 4 or 16 bytes: cannot happen
        }
    }
}
