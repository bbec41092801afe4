package io.gatehouse.otp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Puts a code on its way by e-mail or SMS. A channel that is not configured drops the send with
 * a warning; no log line ever holds the code.
 */
@ApplicationScoped
public class OtpDelivery {

    private static final Logger LOG = Logger.getLogger(OtpDelivery.class.getName());

    private Optional<Mailer> mailer;
    private Optional<SmsGateway> sms;

    @PostConstruct
    void configure() {
        mailer = MailSettings.fromConfig().map(Mailer::new);
        sms = SmsSettings.fromConfig().map(SmsGateway::new);
    }

    /**
     * @param to the e-mail address, or the phone number in E.164 form
     * @return false when the channel is not configured and the code was dropped
     */
    public boolean deliver(Destination.Channel channel, String to, String code, int minutes) throws Exception {
        if (channel == Destination.Channel.EMAIL) {
            if (mailer.isEmpty()) {
                LOG.warning("One-time password dropped: no SMTP server configured (GATEHOUSE_SMTP_HOST)");
                return false;
            }
            mailer.get().send(to, OtpText.MAIL_SUBJECT, OtpText.render(OtpText.DEFAULT_TEMPLATE, code, minutes));
        } else {
            if (sms.isEmpty()) {
                LOG.warning("One-time password dropped: no SMS gateway configured (GATEHOUSE_SMS_URL)");
                return false;
            }
            sms.get().send(to, OtpText.render(sms.get().template(), code, minutes));
        }
        return true;
    }
}
