package io.gatehouse.settings;

import java.math.BigDecimal;
import java.util.Optional;

/** One setting: its name, default, and the values it accepts. */
public record SettingDefinition(String name, String defaultValue, Kind kind, long min, long max) {

    public enum Kind { BOOLEAN, INTEGER }

    static SettingDefinition flag(String name, boolean defaultValue) {
        return new SettingDefinition(name, String.valueOf(defaultValue), Kind.BOOLEAN, 0, 1);
    }

    static SettingDefinition number(String name, long defaultValue, long min, long max) {
        return new SettingDefinition(name, String.valueOf(defaultValue), Kind.INTEGER, min, max);
    }

    /** The canonical text of a valid value, or empty with no change when it is not valid. */
    public Optional<String> canonical(Object value) {
        if (kind == Kind.BOOLEAN) {
            return value instanceof Boolean b ? Optional.of(b.toString()) : Optional.empty();
        }
        // Compared as a decimal, bounds first: through a double and a long, 2^64 + 5 passed as 5 (longValue keeps
        // the low 64 bits) and 5.0000000000000001 as 5 (the double rounds it).
        BigDecimal number = value instanceof BigDecimal d ? d
                : value instanceof Long || value instanceof Integer ? BigDecimal.valueOf(((Number) value).longValue()) : null;
        if (number != null && number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0
                && number.remainder(BigDecimal.ONE).signum() == 0) {
            return Optional.of(String.valueOf(number.longValueExact()));
        }
        return Optional.empty();
    }

    public String rule() {
        return kind == Kind.BOOLEAN ? "true or false" : "a whole number from " + min + " to " + max;
    }
}
