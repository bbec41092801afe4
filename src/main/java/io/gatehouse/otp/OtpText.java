package io.gatehouse.otp;

/** The words around a code: {@code {code}} and {@code {minutes}} in a template are filled in. */
public final class OtpText {

    public static final String DEFAULT_TEMPLATE = "Your Gatehouse code is {code}. It expires in {minutes} minutes.";
    public static final String MAIL_SUBJECT = "Your Gatehouse code";

    private OtpText() {
    }

    public static String render(String template, String code, int minutes) {
        return template.replace("{code}", code).replace("{minutes}", String.valueOf(minutes));
    }
}
