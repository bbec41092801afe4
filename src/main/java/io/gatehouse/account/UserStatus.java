package io.gatehouse.account;

import java.util.Locale;
import java.util.Optional;

/** An account's standing; only active accounts log in. */
public enum UserStatus {
    ACTIVE, LOCKED, DISABLED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UserStatus> fromApiName(String value) {
        for (UserStatus status : values()) {
            if (status.apiName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
