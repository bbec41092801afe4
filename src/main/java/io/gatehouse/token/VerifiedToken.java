package io.gatehouse.token;

/**
 * What a verified token says: whose it is (a user, or for a client_credentials token only the
 * client), until when, the client it was issued to, its scope, and the application token it came
 * from, if any.
 */
public record VerifiedToken(Long userId, String clientId, String scope, String jti, long expiresAtMillis,
                            Long applicationTokenId) {

    public boolean isClientOnly() {
        return userId == null;
    }
}
