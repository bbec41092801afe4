package io.gatehouse.otp;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static io.gatehouse.otp.OneTimePassword.Verdict.ACCEPTED;
import static io.gatehouse.otp.OneTimePassword.Verdict.DEAD;
import static io.gatehouse.otp.OneTimePassword.Verdict.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of a one-time password: its code, its hash, one use, a deadline, five wrong tries. */
class OtpServiceTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Duration TTL = Duration.ofMinutes(10);
    private final Instant issued = Instant.parse("2026-01-01T10:00:00Z");

    private OneTimePassword issue(String code) {
        return new OneTimePassword(7, OtpCodes.hash(KEY, 7, code), issued, TTL);
    }

    private static String hash(String code) {
        return OtpCodes.hash(KEY, 7, code);
    }

    @Test
    void codesAreSixDigitsLeadingZerosIncludedAndSpreadOut() {
        Set<String> seen = new HashSet<>();
        boolean leadingZero = false;
        for (int i = 0; i < 5000; i++) {
            String code = OtpCodes.generate();
            assertTrue(OtpCodes.isWellFormed(code), code);
            leadingZero |= code.startsWith("0");
            seen.add(code);
        }
        assertTrue(leadingZero, "one in ten codes starts with 0");
        assertTrue(seen.size() > 4950, "5000 draws from a million rarely repeat: " + seen.size());
    }

    @Test
    void onlySixDigitsAreACode() {
        assertTrue(OtpCodes.isWellFormed("012345"));
        for (String notACode : new String[]{null, "", "12345", "1234567", "12345a", " 123456", "١٢٣٤٥٦", "a-long-password"}) {
            assertFalse(OtpCodes.isWellFormed(notACode), String.valueOf(notACode));
        }
    }

    @Test
    void theHashIsKeyedAndBoundToTheUser() {
        String code = "123456";
        assertEquals(64, OtpCodes.hash(KEY, 7, code).length());
        assertEquals(OtpCodes.hash(KEY, 7, code), OtpCodes.hash(KEY, 7, code));
        assertNotEquals(OtpCodes.hash(KEY, 8, code), OtpCodes.hash(KEY, 7, code), "another user, another hash");
        assertNotEquals(OtpCodes.hash("another-key-another-key-another!".getBytes(), 7, code), OtpCodes.hash(KEY, 7, code));
        assertNotEquals(io.gatehouse.crypto.Digests.sha256Hex(code), OtpCodes.hash(KEY, 7, code), "not a plain digest");
    }

    @Test
    void theRightCodeWorksOnce() {
        OneTimePassword otp = issue("424242");
        assertEquals(ACCEPTED, otp.attempt(hash("424242"), issued.plusSeconds(30)));
        assertEquals(DEAD, otp.attempt(hash("424242"), issued.plusSeconds(31)));
    }

    @Test
    void theCodeEndsWithItsTimeToLive() {
        assertEquals(ACCEPTED, issue("424242").attempt(hash("424242"), issued.plus(TTL).minusMillis(1)));
        assertEquals(DEAD, issue("424242").attempt(hash("424242"), issued.plus(TTL)));
    }

    @Test
    void fourWrongTriesLeaveTheCodeLiveAndTheFifthEndsIt() {
        OneTimePassword survivor = issue("424242");
        for (int i = 0; i < OneTimePassword.MAX_FAILED_ATTEMPTS - 1; i++) {
            assertEquals(WRONG, survivor.attempt(hash("000000"), issued.plusSeconds(i)));
        }
        assertEquals(ACCEPTED, survivor.attempt(hash("424242"), issued.plusSeconds(10)));

        OneTimePassword dead = issue("424242");
        for (int i = 0; i < OneTimePassword.MAX_FAILED_ATTEMPTS; i++) {
            assertEquals(WRONG, dead.attempt(hash("000000"), issued.plusSeconds(i)));
        }
        assertEquals(DEAD, dead.attempt(hash("424242"), issued.plusSeconds(10)), "dead: even the right code fails");
        assertEquals(OneTimePassword.MAX_FAILED_ATTEMPTS, dead.getFailedAttempts(), "a dead code counts no further");
    }

    @Test
    void aNewCodeReplacesTheOldWhateverItsState() {
        OneTimePassword otp = issue("424242");
        for (int i = 0; i < OneTimePassword.MAX_FAILED_ATTEMPTS; i++) {
            otp.attempt(hash("000000"), issued);
        }
        Instant later = issued.plus(Duration.ofMinutes(20));
        otp.replace(hash("131313"), later, TTL);
        assertEquals(WRONG, otp.attempt(hash("424242"), later.plusSeconds(1)), "the old code is gone");
        assertEquals(ACCEPTED, otp.attempt(hash("131313"), later.plusSeconds(2)));
    }
}
