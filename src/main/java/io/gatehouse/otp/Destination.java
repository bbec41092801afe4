package io.gatehouse.otp;

import io.gatehouse.account.Emails;
import io.gatehouse.web.ApiException;
import io.gatehouse.web.Json;
import jakarta.json.JsonObject;

import java.util.regex.Pattern;

/** Where a one-time password goes: an e-mail address or a phone number, as the request named it. */
public record Destination(Channel channel, String address) {

    public enum Channel {
        EMAIL("email"), PHONE("phone");

        private final String field;

        Channel(String field) {
            this.field = field;
        }

        /** The request and answer field: "email" or "phone". */
        public String field() {
            return field;
        }
    }

    /** The document's example is "02345678901234": digits, an optional leading +, 6 to 16 digits. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,16}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    /** The one destination of a {@code /otp/send} body; 400 for none, both, or a malformed one. */
    public static Destination of(JsonObject body) {
        String email = Json.text(body, Channel.EMAIL.field());
        String phone = Json.text(body, Channel.PHONE.field());
        if ((email == null) == (phone == null)) {
            throw ApiException.badRequest("Send either email or phone");
        }
        if (email != null) {
            String normalized = Emails.normalize(email);
            if (!Emails.isPlausible(normalized)) {
                throw ApiException.badRequest("email must be a valid e-mail address");
            }
            return new Destination(Channel.EMAIL, normalized);
        }
        String stripped = phone.strip();
        if (!PHONE.matcher(stripped).matches()) {
            throw ApiException.badRequest("phone must be 6 to 16 digits with an optional leading +, e.g. +491701234567");
        }
        return new Destination(Channel.PHONE, stripped);
    }

    /** Users' phones are stored in E.164; only such a number can become a new user. */
    public boolean isE164Phone() {
        return channel == Channel.PHONE && E164.matcher(address).matches();
    }

    /**
     * Every user needs an e-mail; one registered by phone gets one under the reserved
     * {@code .invalid} domain (RFC 2606), which no mail can ever reach.
     */
    public String placeholderEmail() {
        return "phone-" + address.substring(1) + "@phone.invalid";
    }
}
