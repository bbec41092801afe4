package io.gatehouse.otp;

import io.gatehouse.web.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestinationTest {

    private static Destination of(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return Destination.of((JsonObject) reader.read());
        }
    }

    private static String refusal(String json) {
        ApiException refused = assertThrows(ApiException.class, () -> of(json));
        assertEquals(400, refused.status());
        return refused.getMessage();
    }

    @Test
    void anEmailIsNormalised() {
        Destination d = of("{\"email\": \"  Someone@Example.COM \"}");
        assertEquals(Destination.Channel.EMAIL, d.channel());
        assertEquals("someone@example.com", d.address());
    }

    @Test
    void aPhoneIsTakenAsWrittenWithOrWithoutPlus() {
        assertEquals("02345678901234", of("{\"phone\": \"02345678901234\"}").address(), "the document's example");
        Destination e164 = of("{\"phone\": \"+491701234567\"}");
        assertEquals(Destination.Channel.PHONE, e164.channel());
        assertTrue(e164.isE164Phone());
        assertFalse(of("{\"phone\": \"02345678901234\"}").isE164Phone());
        assertEquals("phone-491701234567@phone.invalid", e164.placeholderEmail());
    }

    @Test
    void badBodiesAreRefusedWithAClearMessage() {
        assertEquals("Send either email or phone", refusal("{}"));
        assertEquals("Send either email or phone", refusal("{\"email\": \"a@b.c\", \"phone\": \"+491701234567\"}"));
        assertEquals("email must be a string", refusal("{\"email\": 42}"));
        assertEquals("email must be a valid e-mail address", refusal("{\"email\": \"not an address\"}"));
        for (String phone : new String[]{"12345", "12345678901234567", "+49 170 1234567", "++4917012345", "0170-1234567", ""}) {
            assertTrue(refusal("{\"phone\": \"" + phone + "\"}").startsWith("phone must be"), phone);
        }
    }
}
