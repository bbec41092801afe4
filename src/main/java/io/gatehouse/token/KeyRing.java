package io.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

/** The key that signs now and every public key that still verifies: one immutable snapshot. */
record KeyRing(ECKey active, JWKSet published, JWSSigner signer) {

    static KeyRing of(ECKey active, JWKSet published) {
        try {
            ECDSASigner signer = new ECDSASigner(active);
            signer.getJCAContext().setProvider(EcdsaProvider.INSTANCE);
            return new KeyRing(active, published, signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + active.getKeyID(), e);
        }
    }
}
