package io.gatehouse.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Basic header either decodes to the bytes it carries or is refused as malformed (a 400): never another
 * exception, which would be a 500. Regression inputs run under mvn test; JAZZER_FUZZ=1 fuzzes.
 */
@Tag("fuzz")
class BasicCredentialsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decodeWhenAnyHeaderThenCredentialsThatReEncodeToItsBytesOrMalformed(FuzzedDataProvider data) {
        String header = (data.consumeBoolean() ? "Basic " : data.consumeString(8)) + data.consumeRemainingAsString();
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return;  // the scheme itself says ABSENT before decoding
        }
        BasicCredentials credentials;
        try {
            credentials = BasicCredentials.decode(header);
        } catch (BasicCredentials.Malformed e) {
            return;
        }
        assertFalse(credentials.user().contains(":"), "the user ends at the first colon");
        byte[] carried = Base64.getDecoder().decode(header.substring(6).strip());
        byte[] decoded = (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(carried, decoded, "user:password is exactly what the header carries");
    }

    @FuzzTest(maxDuration = "10m")
    void decodeWhenAClientEncodesAnyUserAndPasswordThenTheSameComeBack(FuzzedDataProvider data) {
        String user = data.consumeString(200).replace(":", "");
        String password = data.consumeRemainingAsString();
        byte[] bytes = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        String header = "Basic " + Base64.getEncoder().encodeToString(bytes);
        if (header.length() > BasicCredentials.MAX_HEADER) {
            assertThrows(BasicCredentials.Malformed.class, () -> BasicCredentials.decode(header));
            return;
        }
        if (!new String(bytes, StandardCharsets.UTF_8).equals(user + ":" + password)) {
            return;  // a lone surrogate has no UTF-8 form: no client can send it
        }
        try {
            BasicCredentials credentials = BasicCredentials.decode(header);
            assertEquals(user, credentials.user());
            assertEquals(password, credentials.password());
        } catch (BasicCredentials.Malformed e) {
            throw new AssertionError("a well-formed header was refused: " + e.getMessage(), e);
        }
    }
}
