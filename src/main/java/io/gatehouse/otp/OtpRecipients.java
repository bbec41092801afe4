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

    /**
     * The active user to send to, if any: locked and disabled users get nothing, like unknown ones.
     *
     * @param newUserPartnerId the organisation a new user joins ({@code otp.newUserPartnerId});
     *                         0: an organisation of its own, never the first one's (the admin's)
     */
    public Optional<Long> resolve(Destination destination, boolean allowNewUsers, long newUserPartnerId) {
        User user = find(destination);
        if (user == null && allowNewUsers) {
            user = register(destination, newUserPartnerId);
        }
        return user != null && user.getStatus() == UserStatus.ACTIVE ? Optional.of(user.getId()) : Optional.empty();
    }

    private User find(Destination destination) {
        return destination.channel() == Destination.Channel.EMAIL
                ? accounts.findByEmail(destination.address())
                : accounts.findByPhone(destination.address());
    }

    /** An active user with no password (role ""): it logs in by one-time password. */
    private User register(Destination destination, long partnerId) {
        if (destination.channel() == Destination.Channel.PHONE && !destination.isE164Phone()) {
            LOG.info("One-time password not sent: a new user needs a phone number in E.164 form (+ and country code)");
            return null;
        }
        Long joins = partnerId > 0 ? partnerId : null;
        AccountService.UserFields fields = destination.channel() == Destination.Channel.EMAIL
                ? new AccountService.UserFields(destination.address(), null, null, null, null, joins, null)
                : new AccountService.UserFields(destination.placeholderEmail(), null, null, null,
                        destination.address(), joins, null);
        try {
            return joins != null ? accounts.create(fields) : accounts.createInOwnOrganization(fields);
        } catch (ApiException refused) {
            if (refused.status() != 409) {
                // Say why, for the operator: the caller's answer is the same success in any case.
                LOG.warning("One-time password not sent: the new user was refused: " + refused.getMessage());
            }
            // A parallel send registered the same address a moment ago: use that user.
            return find(destination);
        }
    }
}
