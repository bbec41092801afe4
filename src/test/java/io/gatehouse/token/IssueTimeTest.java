package io.gatehouse.token;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token's whole-second iat is never before the user's credentials-not-before instant, and is never in the future. */
class IssueTimeTest {

    private static final Instant REVOKED_AT = Instant.parse("2026-12-08T10:00:00.700Z");

    @Test
    void issuedInTheRevocationsSecondAfterItThenWaitsForTheNextSecond() {
        Instant now = Instant.parse("2026-12-08T10:00:00.900Z");
        Duration wait = IssueTime.waitBeforeIssuing(now, REVOKED_AT);

        assertEquals(Duration.ofMillis(100), wait);
        Instant iat = now.plus(wait).truncatedTo(ChronoUnit.SECONDS);
        assertFalse(iat.isBefore(REVOKED_AT), "the token issued after the wait counts");
    }

    @Test
    void issuedInALaterSecondThenAtOnce() {
        assertEquals(Duration.ZERO, IssueTime.waitBeforeIssuing(Instant.parse("2026-12-08T10:00:01.001Z"), REVOKED_AT));
        assertEquals(Duration.ZERO, IssueTime.waitBeforeIssuing(Instant.parse("2026-12-08T10:00:05Z"), null));
    }

    @Test
    void aRevocationOnAWholeSecondThenTokensOfThatSecondCount() {
        Instant whole = Instant.parse("2026-12-08T10:00:00Z");
        assertEquals(Duration.ZERO, IssueTime.waitBeforeIssuing(whole.plusMillis(300), whole));
    }

    @Test
    void aTokenIssuedBeforeTheRevocationInTheSameSecondHasAnIatBeforeIt() {
        Instant before = Instant.parse("2026-12-08T10:00:00.500Z");
        assertTrue(before.truncatedTo(ChronoUnit.SECONDS).isBefore(REVOKED_AT), "so CredentialCheck refuses it");
    }

    @Test
    void aRevocationJustNowThenNowReturnsOnceAWholeSecondCounts() {
        Instant revoked = Instant.now();
        Instant issued = IssueTime.now(revoked);

        assertFalse(issued.truncatedTo(ChronoUnit.SECONDS).isBefore(revoked));
        assertTrue(Duration.between(revoked, issued).compareTo(Duration.ofMillis(1100)) < 0, "less than a second's wait");
    }
}
