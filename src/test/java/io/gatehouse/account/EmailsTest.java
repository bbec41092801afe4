package io.gatehouse.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailsTest {

    @Test
    void oneSpellingPerAddress() {
        assertEquals("bob@example.com", Emails.normalize("  Bob@Example.COM \t"));
        assertEquals("", Emails.normalize(null));
    }

    @Test
    void plausibleAddressesOnly() {
        assertTrue(Emails.isPlausible("a@b"));
        assertFalse(Emails.isPlausible("ab"));
        assertFalse(Emails.isPlausible("@b"));
        assertFalse(Emails.isPlausible("a@"));
        assertFalse(Emails.isPlausible("a@@b"));
        assertFalse(Emails.isPlausible("a b@c"));
        assertFalse(Emails.isPlausible("a@" + "b".repeat(320)));
    }
}
