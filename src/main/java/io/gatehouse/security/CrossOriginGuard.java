package io.gatehouse.security;

import io.gatehouse.config.GatehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/**
 * CSRF defence for the credentials a browser sends along by itself on any site's form or
 * {@code fetch}, the session cookie and cached HTTP Basic: a state-changing request (anything but
 * GET, HEAD, OPTIONS) may use them only when it comes from Gatehouse's own pages. Browsers say
 * where a request comes from in {@code Sec-Fetch-Site}, which no page can set: only
 * {@code same-origin} and {@code none} (typed or bookmarked) are Gatehouse's own, while
 * {@code same-site} is a sibling host (another subdomain), which may be anyone's. Browsers also
 * name the page's origin in {@code Origin} on every cross-origin POST, PUT, PATCH and DELETE; that
 * origin must be the one the request was sent to (its scheme and {@code Host}) or the public base
 * URL ({@code GATEHOUSE_ISSUER}, for a server behind a TLS-terminating proxy). Without
 * {@code Origin}, a {@code Referer} decides the same way. Either header naming another site
 * refuses. With none of them, the request is not a browser's cross-site one (a browser would have
 * sent them): curl and scripts that send the cookie or Basic themselves keep working.
 */
@ApplicationScoped
public class CrossOriginGuard {

    static final String REFUSAL = "Cross-origin request refused: the session cookie and HTTP Basic work for changes "
            + "only from Gatehouse's own pages (send the session key as sesskey, or another credential)";

    private final String publicOrigin = Origins.of(GatehouseConfig.issuer());

    /** Whether the cookie or Basic must not authenticate this request. GET and HEAD cost one string switch. */
    public boolean refuses(HttpServletRequest request) {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> {
                return false;
            }
            default -> {
                return fromAnotherSite(request);
            }
        }
    }

    /**
     * Whether a browser sent this request from another site's page: its Sec-Fetch-Site says so, or
     * its Origin (or Referer) names another origin.
     */
    public boolean fromAnotherSite(HttpServletRequest request) {
        return isFetchedFromElsewhere(request.getHeader("Sec-Fetch-Site")) || !isOwnOrigin(request);
    }

    /** Fetch Metadata: anything but "same-origin" and "none" (a value unknown today included) is another site. */
    static boolean isFetchedFromElsewhere(String secFetchSite) {
        return secFetchSite != null && !secFetchSite.equalsIgnoreCase("same-origin") && !secFetchSite.equalsIgnoreCase("none");
    }

    private boolean isOwnOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            origin = request.getHeader("Referer");
            if (origin == null) {
                return true;  // not sent by a browser from another site: see the class comment
            }
        }
        String claimed = Origins.of(origin);  // "null" (a sandboxed or privacy-hidden origin) has none
        return claimed != null && (claimed.equals(Origins.of(request.getScheme(), request.getHeader("Host")))
                || claimed.equals(publicOrigin));
    }
}
