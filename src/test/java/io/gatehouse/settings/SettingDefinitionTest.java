package io.gatehouse.settings;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SettingDefinitionTest {

    private final SettingDefinition ttl = SettingsCatalog.all().get(SettingsCatalog.OTP_TTL_MINUTES);
    private final SettingDefinition otp = SettingsCatalog.all().get(SettingsCatalog.OTP_ENABLED);

    @Test
    void theCatalogHasTheSpecDefaults() {
        assertEquals("10", ttl.defaultValue());
        assertEquals("false", otp.defaultValue());
        assertEquals("20", SettingsCatalog.all().get(SettingsCatalog.SESSION_IDLE_MINUTES).defaultValue());
        assertEquals("10", SettingsCatalog.all().get(SettingsCatalog.LOCKOUT_MAX_FAILURES).defaultValue());
        assertEquals("100", SettingsCatalog.all().get(SettingsCatalog.LOCKOUT_ADDRESS_MAX_FAILURES).defaultValue());
        assertEquals("0", SettingsCatalog.all().get(SettingsCatalog.OTP_NEW_USER_PARTNER_ID).defaultValue(),
                "self-registered users get an organisation of their own unless one is named");
    }

    @Test
    void numbersMustBeWholeAndWithinBounds() {
        assertEquals(Optional.of("30"), ttl.canonical(new BigDecimal("30")));
        assertEquals(Optional.of("1"), ttl.canonical(new BigDecimal("1.0")));
        assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("31")));
        assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("0")));
        assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("2.5")));
        assertEquals(Optional.empty(), ttl.canonical(true));
        assertEquals(Optional.empty(), ttl.canonical(null));
    }

    @Test
    void flagsMustBeBooleans() {
        assertEquals(Optional.of("true"), otp.canonical(true));
        assertEquals(Optional.empty(), otp.canonical(new BigDecimal("1")));
        assertEquals(Optional.empty(), otp.canonical("true"));
    }

    /** A number judged through a long or a double looked like a valid one; a huge exponent is refused at once too. */
    @Test
    void canonicalWhenANumberOnlyLooksInRangeThroughALongOrADoubleThenRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("18446744073709551621")), "2^64 + 5 is not 5");
            assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("5.0000000000000001")));
            assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("1e1000000000")));
            assertEquals(Optional.empty(), ttl.canonical(new BigDecimal("-1e1000000000")));
            assertEquals(Optional.of("30"), ttl.canonical(new BigDecimal("3E+1")));
        });
    }
}
