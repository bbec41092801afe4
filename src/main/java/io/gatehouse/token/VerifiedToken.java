package io.gatehouse.token;

import java.time.Instant;

/**
 * What a verified token says: whose it is (a user, or for a client_credentials token only the
 * client), until when, the client it was issued to, its scope, the application token it came
 * from, if any, and when it was issued ({@code iat}, whole seconds).
 */
public record VerifiedToken(Long userId, String clientId, String scope, String jti, long expiresAtMillis,
                            Long applicationTokenId, Instant issuedAt) {

    public boolean isClientOnly() {
        return userId == null;
    }
}
