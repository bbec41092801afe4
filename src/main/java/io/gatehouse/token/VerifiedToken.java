package io.gatehouse.token;

/** What a verified token says: whose it is, until when, and the application token it came from, if any. */
public record VerifiedToken(long userId, String jti, long expiresAtMillis, Long applicationTokenId) {
}
