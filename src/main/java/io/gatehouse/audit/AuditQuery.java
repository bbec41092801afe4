package io.gatehouse.audit;

import io.gatehouse.web.ApiException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The filters and page of {@code GET /api/admin/audit}; null means "any". */
public record AuditQuery(Long userId, String username, AuditScheme scheme, AuditEvent.Outcome outcome,
                         String address, Instant from, Instant to, int first, int max) {

    public static final int DEFAULT_MAX = 100;
    public static final int MAX_MAX = 500;

    /**
     * Reads the query parameters; a bad value is refused with 400 naming the parameter.
     *
     * @param parameter the first value of a query parameter by name, null when absent
     */
    public static AuditQuery parse(Function<String, String> parameter) {
        Instant from = instant(parameter, "from");
        Instant to = instant(parameter, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from must not be after to");
        }
        return new AuditQuery(
                number(parameter, "userid", 1, Long.MAX_VALUE, null),
                text(parameter, "username"),
                scheme(parameter.apply("scheme")),
                outcome(parameter.apply("outcome")),
                text(parameter, "address"),
                from, to,
                number(parameter, "first", 0, Integer.MAX_VALUE, 0L).intValue(),
                number(parameter, "max", 1, MAX_MAX, (long) DEFAULT_MAX).intValue());
    }

    private static String text(Function<String, String> parameter, String name) {
        String value = parameter.apply(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > AuditEvent.MAX_USERNAME) {
            throw ApiException.badRequest(name + " must be 1 to " + AuditEvent.MAX_USERNAME + " characters");
        }
        return value.strip();
    }

    private static Long number(Function<String, String> parameter, String name, long min, long max, Long absent) {
        String value = parameter.apply(name);
        if (value == null) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min
                + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    private static Instant instant(Function<String, String> parameter, String name) {
        String value = parameter.apply(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant, e.g. 2030-01-31T12:00:00Z");
        }
    }

    private static AuditScheme scheme(String value) {
        if (value == null) {
            return null;
        }
        return AuditScheme.fromWireName(value.strip()).orElseThrow(() -> ApiException.badRequest("scheme must be one of "
                + Arrays.stream(AuditScheme.values()).map(AuditScheme::wireName).collect(Collectors.joining(", "))));
    }

    private static AuditEvent.Outcome outcome(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "success" -> AuditEvent.Outcome.SUCCESS;
            case "failure" -> AuditEvent.Outcome.FAILURE;
            default -> throw ApiException.badRequest("outcome must be success or failure");
        };
    }
}
