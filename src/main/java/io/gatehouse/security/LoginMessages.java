package io.gatehouse.security;

/** Refusals shared by every password path, worded once. */
public final class LoginMessages {

    public static final String REFUSED = "Invalid email or password";
    public static final String ADDRESS_BLOCKED = "Too many failed logins from this address; try again later";

    private LoginMessages() {
    }
}
