package io.gatehouse.token;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a user's token may be issued. A credential is good only when issued at or after the user's
 * credentials-not-before instant ({@code account/CredentialCheck}), and a JWT's {@code iat} has
 * whole seconds: a token issued just after a revocation, in the same second, would carry the same
 * {@code iat} as one issued just before it. So a token is issued only once its whole second is at
 * or after that instant: right after a revocation of that user the issue waits for the next
 * second (less than one). Rounding {@code iat} up instead is not sound: a second revocation in the
 * same second would let the tokens rounded up past the first one survive it.
 */
final class IssueTime {

    /** Beyond this the clocks disagree (a node behind the one that revoked): issue at once, to be refused. */
    static final Duration MAX_WAIT = Duration.ofMillis(1500);

    private IssueTime() {
    }

    /** How long to wait from {@code now} before issuing; zero when {@code now}'s whole second is already late enough. */
    static Duration waitBeforeIssuing(Instant now, Instant notBefore) {
        if (notBefore == null || !now.truncatedTo(ChronoUnit.SECONDS).isBefore(notBefore)) {
            return Duration.ZERO;
        }
        Instant firstGoodSecond = notBefore.truncatedTo(ChronoUnit.SECONDS).equals(notBefore)
                ? notBefore : notBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return Duration.between(now, firstGoodSecond);
    }

    /** Now, or as soon as a token issued now will count. */
    static Instant now(Instant notBefore) {
        Instant now = Instant.now();
        Duration wait = waitBeforeIssuing(now, notBefore);
        while (!wait.isZero() && wait.compareTo(MAX_WAIT) <= 0) {
            try {
                Thread.sleep(wait.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = Instant.now();
            wait = waitBeforeIssuing(now, notBefore);
        }
        return now;
    }
}
