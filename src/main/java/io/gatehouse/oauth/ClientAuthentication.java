package io.gatehouse.oauth;

import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 6749 §2.3.1: client_id and client_secret by HTTP Basic (each form-urlencoded first) or in
 * the body; never both.
 */
@ApplicationScoped
class ClientAuthentication {

    @Inject
    ClientAddress clientAddress;

    @Inject
    OAuthClients clients;

    @Inject
    AuditLog audit;

    @Inject
    HttpServletRequest httpRequest;

    RegisteredClient authenticate(String authorization, TokenRequest request) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String id = request.clientId();
        String secret = request.clientSecret();
        if (basic) {
            if (secret != null) {
                throw OAuthErrors.invalidRequest("Send the client credentials either by HTTP Basic or in the body, not both");
            }
            String[] pair = decode(authorization.substring(6).strip());
            if (id != null && !id.equals(pair[0])) {
                throw OAuthErrors.invalidRequest("client_id does not match the Authorization header");
            }
            id = pair[0];
            secret = pair[1];
        } else if (id == null || secret == null) {
            throw new io.gatehouse.web.ApiException(401, "Client authentication is required", "invalid_client",
                    java.util.Map.of(), "Basic realm=\"gatehouse\"");
        }
        final boolean usedBasic = basic;
        final String clientId = id;
        return clients.authenticate(id, secret).orElseThrow(() -> {
            audit.record(AuditEvent.failure(AuditScheme.OAUTH_CLIENT, AuditReason.BAD_CREDENTIALS, null, clientId,
                    clientAddress.of(httpRequest)));
            return OAuthErrors.invalidClient(usedBasic);
        });
    }

    private static String[] decode(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthErrors.invalidClient(true);
            }
            return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException malformed) {
            throw OAuthErrors.invalidClient(true);
        }
    }
}
