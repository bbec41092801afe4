package io.gatehouse.security;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.token.Scope;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First-party logins have every right; a token issued to a client only those its scope names. */
class CallerTest {

    private static Caller caller(AuthScheme scheme, String clientId, String scope) {
        return new Caller(null, scheme, null, clientId, scope);
    }

    @Test
    void allowsWhenFirstPartyThenEveryScope() {
        for (AuthScheme scheme : AuthScheme.values()) {
            Caller firstParty = caller(scheme, null, null);
            assertFalse(firstParty.isDelegated());
            for (Scope scope : Scope.values()) {
                assertTrue(firstParty.allows(scope), scheme + " " + scope);
            }
        }
    }

    @Test
    void allowsWhenDelegatedThenOnlyTheScopesItNames() {
        Caller delegated = caller(AuthScheme.BEARER, "gh-client", "read apikey");
        assertTrue(delegated.isDelegated());
        assertTrue(delegated.allows(Scope.APIKEY));
        assertFalse(delegated.allows(Scope.PASSWORD));
        assertFalse(delegated.allows(Scope.ADMIN));
        assertFalse(delegated.allows(Scope.APPLICATION_TOKENS));
    }

    @Test
    void allowsWhenDelegatedWithoutScopeThenNothingSensitive() {
        Caller delegated = caller(AuthScheme.BEARER, "gh-client", null);
        for (Scope scope : Scope.values()) {
            assertFalse(delegated.allows(scope), scope.value);
        }
    }

    @Test
    void theOldConstructorMakesAFirstPartyCaller() {
        assertFalse(new Caller((CallerProfile) null, AuthScheme.SESSION, "key").isDelegated());
    }
}
