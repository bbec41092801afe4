package io.gatehouse.net;

import io.gatehouse.config.GatehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The client's address, as every per-address limit, the audit log and an application token's
 * address range see it: the peer's, unless the peer is a proxy the operator trusts
 * ({@code GATEHOUSE_TRUSTED_PROXIES}: addresses or CIDR ranges, comma-separated). Then it is the
 * {@code X-Forwarded-For} entry added by the nearest hop that is not trusted, read from the right:
 * whatever stands further left the client wrote itself, so a spoofed entry changes nothing.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    /** Hops read at most, from the right: a longer chain is padding written by the client. */
    private static final int MAX_HOPS = 16;

    private final List<IpRange> trusted;

    public ClientAddress() {
        this(GatehouseConfig.get("GATEHOUSE_TRUSTED_PROXIES").orElse(""));
    }

    ClientAddress(String trustedProxies) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : trustedProxies.split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                IpRange.parse(entry).ifPresentOrElse(ranges::add, () -> LOG.severe(
                        "GATEHOUSE_TRUSTED_PROXIES: '" + entry + "' is not an address or CIDR range; ignored"));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        // The common case (no proxy configured, or a direct client) reads no header at all.
        return isTrusted(peer) ? of(peer, Collections.list(request.getHeaders("X-Forwarded-For"))) : peer;
    }

    /** The client behind {@code peer}, given the X-Forwarded-For header lines in order. */
    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
            Optional<String> hop = IpRange.canonical(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client;  // not an address: the trusted hop that passed it on is the last one known
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        for (IpRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** "[2001:db8::1]:443" and "192.0.2.1:443" as some proxies write them; a bare IPv6 address stays whole. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
