package io.gatehouse.otp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mail sender against a real SMTP server (GreenMail, on loopback). */
class OtpMailerTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private MailSettings settings(String user, String password) {
        return new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), user, password, "gatehouse@gatehouse.test", false);
    }

    @Test
    void sendsTheCodeAsPlainText() throws Exception {
        new Mailer(settings(null, null)).send("someone@example.com", OtpText.MAIL_SUBJECT,
                OtpText.render(OtpText.DEFAULT_TEMPLATE, "012345", 10));

        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("someone@example.com", mail.getAllRecipients()[0].toString());
        assertEquals("gatehouse@gatehouse.test", mail.getFrom()[0].toString());
        assertEquals("Your Gatehouse code", mail.getSubject());
        assertEquals("Your Gatehouse code is 012345. It expires in 10 minutes.", GreenMailUtil.getBody(mail).strip());
    }

    @Test
    void logsInWhenAUserIsConfigured() throws Exception {
        smtp.setUser("mailer", "mail-secret");
        new Mailer(settings("mailer", "mail-secret")).send("someone@example.com", "s", "text");
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
    }

    @Test
    void aRefusingServerIsAFailureTheCallerSees() {
        smtp.setUser("mailer", "mail-secret");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);
        assertThrows(jakarta.mail.MessagingException.class,
                () -> new Mailer(settings("mailer", "wrong")).send("someone@example.com", "s", "text"));
    }

    @Test
    void aPasswordNeverShowsInTheSettingsText() {
        assertFalse(settings("mailer", "mail-secret").toString().contains("mail-secret"));
    }
}
