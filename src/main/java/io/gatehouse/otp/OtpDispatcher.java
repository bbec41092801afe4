package io.gatehouse.otp;

import io.gatehouse.operations.OtpMetrics;
import io.gatehouse.settings.Settings;
import io.gatehouse.settings.SettingsCatalog;
import io.gatehouse.web.ApiException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Runs a send off the request thread, every time: the answer never waits on SMTP or the SMS
 * gateway, and a known address, an unknown one and a new user all cost the caller the same.
 */
@ApplicationScoped
public class OtpDispatcher {

    private static final Logger LOG = Logger.getLogger(OtpDispatcher.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Settings settings;

    @Inject
    OtpRecipients recipients;

    @Inject
    OneTimePasswords passwords;

    @Inject
    OtpDelivery delivery;

    @Inject
    OtpMetrics metrics;

    public void dispatch(Destination destination) {
        boolean allowNewUsers = settings.flag(SettingsCatalog.OTP_ALLOW_NEW_USERS);
        int minutes = settings.intValue(SettingsCatalog.OTP_TTL_MINUTES);
        long newUserPartnerId = settings.intValue(SettingsCatalog.OTP_NEW_USER_PARTNER_ID);
        try {
            executor.execute(() -> send(destination, allowNewUsers, newUserPartnerId, minutes));
        } catch (RejectedExecutionException full) {
            throw new ApiException(503, "One-time passwords cannot be sent right now; try again later");
        }
    }

    private void send(Destination destination, boolean allowNewUsers, long newUserPartnerId, int minutes) {
        try {
            Optional<Long> user = recipients.resolve(destination, allowNewUsers, newUserPartnerId);
            if (user.isEmpty()) {
                return;  // unknown (and not to be registered), locked or disabled: nothing is sent
            }
            String code = passwords.issue(user.get());
            boolean sent = false;
            try {
                sent = delivery.deliver(destination.channel(), destination.address(), code, minutes);
            } finally {
                metrics.send(channel(destination), sent);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The failure's description only: no stack, no message body, never the code.
            LOG.warning("One-time password by " + destination.channel().field() + " not sent: " + e);
        }
    }

    private static String channel(Destination destination) {
        return destination.channel() == Destination.Channel.EMAIL ? OtpMetrics.EMAIL : OtpMetrics.SMS;
    }
}
