package io.gatehouse.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossOriginGuardTest {

    @Test
    void isFetchedFromElsewhereWhenCrossSiteOrSameSiteThenTrue() {
        assertTrue(CrossOriginGuard.isFetchedFromElsewhere("cross-site"));
        // A sibling subdomain is the same site, and may be an attacker's.
        assertTrue(CrossOriginGuard.isFetchedFromElsewhere("same-site"));
        assertTrue(CrossOriginGuard.isFetchedFromElsewhere("Cross-Site"));
    }

    @Test
    void isFetchedFromElsewhereWhenAValueIsUnknownThenTrue() {
        assertTrue(CrossOriginGuard.isFetchedFromElsewhere("somewhere-new"));
        assertTrue(CrossOriginGuard.isFetchedFromElsewhere(""));
    }

    @Test
    void isFetchedFromElsewhereWhenOwnPageTypedUrlOrNoHeaderThenFalse() {
        assertFalse(CrossOriginGuard.isFetchedFromElsewhere("same-origin"));
        assertFalse(CrossOriginGuard.isFetchedFromElsewhere("none"));
        assertFalse(CrossOriginGuard.isFetchedFromElsewhere(null), "scripts send no Fetch Metadata");
    }
}
