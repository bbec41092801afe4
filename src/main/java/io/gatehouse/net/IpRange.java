package io.gatehouse.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CIDR range ("10.0.0.0/8", "2001:db8::/32", or one address) that a client address must fall in. */
public final class IpRange {

    /** Literal addresses only, so parsing never becomes a DNS look-up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F.]{0,40}:[0-9a-fA-F:.]{1,44}");

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    public static Optional<IpRange> parse(String cidr) {
        String[] parts = cidr.strip().split("/", -1);
        if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        byte[] address = literal(parts[0]);
        if (address == null) {
            return Optional.empty();
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new IpRange(address, prefix));
    }

    /** The address in the JDK's one spelling ("::1" and "0:0::1" alike), or empty when it is not a literal address. */
    public static Optional<String> canonical(String address) {
        byte[] bytes = LITERAL.matcher(address).matches() ? literal(address) : null;
        try {
            return bytes == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(bytes).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(String address) {
        byte[] candidate = LITERAL.matcher(address).matches() ? literal(address) : null;
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
