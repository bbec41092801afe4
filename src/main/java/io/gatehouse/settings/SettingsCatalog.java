package io.gatehouse.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every setting the control room can change, with SPEC §7's defaults and bounds. */
public final class SettingsCatalog {

    public static final String OTP_ENABLED = "otp.enabled";
    public static final String OTP_ALLOW_NEW_USERS = "otp.allowNewUsers";
    public static final String OTP_TTL_MINUTES = "otp.ttlMinutes";
    /** The organisation (partnerid) a self-registered user joins; 0: an organisation of its own. */
    public static final String OTP_NEW_USER_PARTNER_ID = "otp.newUserPartnerId";
    public static final String SESSION_IDLE_MINUTES = "session.idleMinutes";
    public static final String SESSION_MAX_HOURS = "session.maxHours";
    public static final String AUTH_TOKEN_TTL_MINUTES = "authToken.ttlMinutes";
    public static final String ACCESS_TOKEN_TTL_SECONDS = "accessToken.ttlSeconds";
    public static final String REFRESH_TOKEN_TTL_DAYS = "refreshToken.ttlDays";
    public static final String SIGNING_KEY_ROTATION_DAYS = "signingKey.rotationDays";
    public static final String LOCKOUT_MAX_FAILURES = "lockout.maxFailures";
    public static final String LOCKOUT_WAIT_SECONDS = "lockout.waitSeconds";
    public static final String LOCKOUT_MAX_WAIT_SECONDS = "lockout.maxWaitSeconds";
    public static final String LOCKOUT_ADDRESS_MAX_FAILURES = "lockout.addressMaxFailures";
    /** On: /metrics, /health and /health/ready answer only admins (liveness stays open for probes). */
    public static final String OPERATIONS_REQUIRE_ADMIN = "operations.requireAdmin";

    private static final Map<String, SettingDefinition> ALL = new LinkedHashMap<>();

    static {
        for (SettingDefinition d : List.of(
                SettingDefinition.flag(OTP_ENABLED, false),
                SettingDefinition.flag(OTP_ALLOW_NEW_USERS, false),
                SettingDefinition.number(OTP_TTL_MINUTES, 10, 1, 30),
                SettingDefinition.number(OTP_NEW_USER_PARTNER_ID, 0, 0, Integer.MAX_VALUE),
                SettingDefinition.number(SESSION_IDLE_MINUTES, 20, 1, 24 * 60),
                SettingDefinition.number(SESSION_MAX_HOURS, 12, 1, 24 * 30),
                SettingDefinition.number(AUTH_TOKEN_TTL_MINUTES, 240, 1, 7 * 24 * 60),
                SettingDefinition.number(ACCESS_TOKEN_TTL_SECONDS, 3600, 60, 24 * 3600),
                SettingDefinition.number(REFRESH_TOKEN_TTL_DAYS, 14, 1, 365),
                SettingDefinition.number(SIGNING_KEY_ROTATION_DAYS, 30, 1, 365),
                SettingDefinition.number(LOCKOUT_MAX_FAILURES, 10, 1, 1000),
                SettingDefinition.number(LOCKOUT_WAIT_SECONDS, 60, 1, 24 * 3600),
                SettingDefinition.number(LOCKOUT_MAX_WAIT_SECONDS, 900, 1, 7 * 24 * 3600),
                SettingDefinition.number(LOCKOUT_ADDRESS_MAX_FAILURES, 100, 1, 1_000_000),
                SettingDefinition.flag(OPERATIONS_REQUIRE_ADMIN, false))) {
            ALL.put(d.name(), d);
        }
    }

    private SettingsCatalog() {
    }

    public static Map<String, SettingDefinition> all() {
        return ALL;
    }
}
