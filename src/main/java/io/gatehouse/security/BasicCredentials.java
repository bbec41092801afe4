package io.gatehouse.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user and password of an {@code Authorization: Basic} value: base64 of UTF-8 {@code user:password} (RFC 7617). */
record BasicCredentials(String user, String password) {

    static final int MAX_HEADER = 4096;

    /** A header that is not base64 of UTF-8 text with a colon; the message is safe to show the caller. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Decodes a whole header value that starts with "Basic " (in any case). */
    static BasicCredentials decode(String header) throws Malformed {
        if (header.length() > MAX_HEADER) {
            throw new Malformed("Basic credentials too long");
        }
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(header.substring(6).strip());
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new Malformed("Malformed Basic credentials: expected base64 of UTF-8 email:password");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            // Without the colon the whole text may be a password: it is not named in the log.
            throw new Malformed("Malformed Basic credentials: no colon between email and password");
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
