package io.gatehouse.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Web origins (RFC 6454) as comparable text: {@code scheme://host[:port]}, lower case, default ports left out. */
final class Origins {

    private Origins() {
    }

    /**
     * The origin of a URL or of an {@code Origin} header's value; null when it has none (the
     * value {@code null}, an opaque or relative URL, garbage).
     */
    static String of(String url) {
        if (url == null || url.isEmpty() || url.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            return of(scheme, host, uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The origin a request was sent to: its scheme and its {@code Host} header. */
    static String of(String scheme, String hostHeader) {
        return hostHeader == null ? null : of(scheme + "://" + hostHeader);
    }

    private static String of(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return null;
        }
        boolean defaultPort = port == -1 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
