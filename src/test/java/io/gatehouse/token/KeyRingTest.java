package io.gatehouse.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring's own provider signs what any ES256 verifier accepts, with the published key only. */
class KeyRingTest {

    @Test
    void ringSignatureWhenCheckedByTheJdksOwnProviderThenValid() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        KeyRing ring = KeyRing.of(key, new JWKSet(key.toPublicJWK()));

        JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), new Payload("{\"sub\":\"7\"}"));
        signed.sign(ring.signer());
        assertEquals(64, signed.getSignature().decode().length, "ES256 signatures are R || S, 32 bytes each");

        ECDSAVerifier jdk = new ECDSAVerifier(key.toPublicJWK());  // SunEC: an independent implementation
        assertTrue(JWSObject.parse(signed.serialize()).verify(jdk));

        JWSObject tampered = new JWSObject(signed.getHeader().toBase64URL(), Base64URL.encode("{\"sub\":\"8\"}"), signed.getSignature());
        assertFalse(tampered.verify(jdk));
    }

    @Test
    void verificationKeyWhenKidIsPublishedThenOnlyThatKey() throws Exception {
        ECKey active = new ECKeyGenerator(Curve.P_256).keyID("new").generate();
        ECKey retired = new ECKeyGenerator(Curve.P_256).keyID("old").generate();
        KeyRing ring = KeyRing.of(active, new JWKSet(java.util.List.of(active.toPublicJWK(), retired.toPublicJWK())));

        assertEquals(retired.toECPublicKey().getW(), ((java.security.interfaces.ECPublicKey) ring.verificationKey("old").orElseThrow()).getW());
        assertTrue(ring.verificationKey("other").isEmpty());
        assertTrue(ring.verificationKey(null).isEmpty());
    }
}
