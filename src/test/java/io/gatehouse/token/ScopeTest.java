package io.gatehouse.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scope claim names a scope only as a whole space-separated token (RFC 6749 §3.3). */
class ScopeTest {

    @Test
    void isInWhenNamedAnywhereInTheListThenTrue() {
        assertTrue(Scope.APIKEY.isIn("apikey"));
        assertTrue(Scope.APIKEY.isIn("read apikey"));
        assertTrue(Scope.APIKEY.isIn("apikey read"));
        assertTrue(Scope.ADMIN.isIn("read admin write"));
    }

    @Test
    void isInWhenOnlyPartOfAnotherScopeThenFalse() {
        assertFalse(Scope.ADMIN.isIn("superadmin"));
        assertFalse(Scope.ADMIN.isIn("admins"));
        assertFalse(Scope.ADMIN.isIn("read:admin"));
        assertFalse(Scope.APIKEY.isIn("apikeyx apikey_read"));
        assertFalse(Scope.PASSWORD.isIn("Password"));
    }

    @Test
    void isInWhenNoScopeThenFalse() {
        assertFalse(Scope.APIKEY.isIn(null));
        assertFalse(Scope.APIKEY.isIn(""));
        assertFalse(Scope.APIKEY.isIn("read"));
    }

    @Test
    void namesAreTheVocabularyOfTheReadme() {
        assertEquals(java.util.List.of("apikey", "password", "application_tokens", "admin", "introspection"), Scope.names());
    }
}
