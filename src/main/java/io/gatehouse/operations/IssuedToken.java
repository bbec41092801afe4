package io.gatehouse.operations;

/** The ways Gatehouse hands out a token, as {@code gatehouse_tokens_issued_total} labels them. */
public enum IssuedToken {
    OAUTH_CLIENT_CREDENTIALS("oauth", "client_credentials"),
    OAUTH_PASSWORD("oauth", "password"),
    OAUTH_REFRESH_TOKEN("oauth", "refresh_token"),
    EMNIFY_PASSWORD("emnify", "password"),
    EMNIFY_REFRESH_TOKEN("emnify", "refresh_token"),
    EMNIFY_APPLICATION_TOKEN("emnify", "application_token");

    private final String dialect;
    private final String grant;

    IssuedToken(String dialect, String grant) {
        this.dialect = dialect;
        this.grant = grant;
    }

    String dialect() {
        return dialect;
    }

    String grant() {
        return grant;
    }

    /** The OAuth grant type's constant; null for a type that issues nothing here. */
    public static IssuedToken ofOAuthGrant(String grantType) {
        for (IssuedToken kind : values()) {
            if (kind.dialect.equals("oauth") && kind.grant.equals(grantType)) {
                return kind;
            }
        }
        return null;
    }
}
