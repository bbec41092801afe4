package io.gatehouse.otp;

import io.gatehouse.account.AccountService;
import io.gatehouse.account.User;
import io.gatehouse.account.UserStatus;
import io.gatehouse.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/** The user a destination names; with new users allowed, an unknown address becomes one. */
@ApplicationScoped
public class OtpRecipients {

    private static final Logger LOG = Logger.getLogger(OtpRecipients.class.getName());

    @Inject
    AccountService accounts;

    /** The active user to send to, if any: locked and disabled users get nothing, like unknown ones. */
    public Optional<Long> resolve(Destination destination, boolean allowNewUsers) {
        User user = find(destination);
        if (user == null && allowNewUsers) {
            user = register(destination);
        }
        return user != null && user.getStatus() == UserStatus.ACTIVE ? Optional.of(user.getId()) : Optional.empty();
    }

    private User find(Destination destination) {
        return destination.channel() == Destination.Channel.EMAIL
                ? accounts.findByEmail(destination.address())
                : accounts.findByPhone(destination.address());
    }

    /** An active user with no password (role "", the default organisation): it logs in by one-time password. */
    private User register(Destination destination) {
        if (destination.channel() == Destination.Channel.PHONE && !destination.isE164Phone()) {
            LOG.info("One-time password not sent: a new user needs a phone number in E.164 form (+ and country code)");
            return null;
        }
        AccountService.UserFields fields = destination.channel() == Destination.Channel.EMAIL
                ? new AccountService.UserFields(destination.address(), null, null, null, null, null, null)
                : new AccountService.UserFields(destination.placeholderEmail(), null, null, null,
                        destination.address(), null, null);
        try {
            return accounts.create(fields);
        } catch (ApiException conflict) {
            // A parallel send registered the same address a moment ago: use that user.
            return find(destination);
        }
    }
}
