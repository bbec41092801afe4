package io.gatehouse.otp;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.AddressThrottle;
import io.gatehouse.account.LoginOutcome;
import io.gatehouse.account.RefusalPace;
import io.gatehouse.account.User;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * A login with a one-time password in the password's place, counted like a password login: the
 * address limit ({@code lockout.addressMaxFailures}) and the account's lockout are checked before
 * the code is tried, and a wrong code is a failed login of the account and of the address, audited
 * as one. While {@code otp.enabled} is off no code redeems, not even one sent before.
 */
@ApplicationScoped
public class OtpLogin {

    /** Every refusal takes at least this long: known accounts write their count and unknown ones do not. */
    static final Duration REFUSAL_FLOOR = Duration.ofMillis(50);

    @Inject
    Settings settings;

    @Inject
    AddressThrottle addresses;

    @Inject
    AccountService accounts;

    @Inject
    OneTimePasswords passwords;

    @Inject
    AuditLog audit;

    /**
     * @param username an e-mail address or a phone number exactly as stored (E.164)
     * @return empty when the password is not a try at a code (one-time passwords are off, or it
     *         is not six digits: passwords have at least eight characters) and is to be checked
     *         as a password instead; otherwise the outcome of the try
     */
    public Optional<LoginOutcome> login(String username, String password, String address) {
        if (!settings.flag(SettingsCatalog.OTP_ENABLED) || !OtpCodes.isWellFormed(password)) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        String tried = username.strip();
        if (addresses.isBlocked(address)) {
            audit.record(AuditEvent.failure(AuditScheme.OAUTH_ONE_TIME_PASSWORD, AuditReason.ADDRESS_BLOCKED, null, tried, address));
            return Optional.of(new LoginOutcome(LoginOutcome.Status.ADDRESS_BLOCKED, null));
        }
        User user = tried.indexOf('@') >= 0 ? accounts.findByEmail(tried) : accounts.findByPhone(tried);
        OneTimePasswords.Attempt attempt = user == null
                ? OneTimePasswords.Attempt.refused(AuditReason.UNKNOWN_USER)
                : passwords.attempt(user.getId(), password);
        if (attempt.accepted() != null) {
            audit.record(AuditEvent.success(AuditScheme.OAUTH_ONE_TIME_PASSWORD, attempt.accepted().userId(),
                    attempt.accepted().email(), address));
            return Optional.of(new LoginOutcome(LoginOutcome.Status.ACCEPTED, attempt.accepted()));
        }
        addresses.recordFailure(address);
        audit.record(AuditEvent.failure(AuditScheme.OAUTH_ONE_TIME_PASSWORD, attempt.refusal(),
                user == null ? null : user.getId(), tried, address));
        RefusalPace.padTo(started + REFUSAL_FLOOR.toNanos());
        return Optional.of(new LoginOutcome(LoginOutcome.Status.REFUSED, null));
    }
}
