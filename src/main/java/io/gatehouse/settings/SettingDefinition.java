package io.gatehouse.settings;

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
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= min && n.longValue() <= max) {
            return Optional.of(String.valueOf(n.longValue()));
        }
        return Optional.empty();
    }

    public String rule() {
        return kind == Kind.BOOLEAN ? "true or false" : "a whole number from " + min + " to " + max;
    }
}
