package io.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key that signs now and every public key that still verifies: one immutable snapshot. The
 * keys are turned into the provider's own form once, here, so that each signature and check reuses
 * the provider's precomputed tables instead of converting the key (and redoing them) every time.
 */
record KeyRing(ECKey active, JWKSet published, JWSSigner signer, Map<String, PublicKey> verificationKeys) {

    static KeyRing of(ECKey active, JWKSet published) {
        try {
            KeyFactory keys = KeyFactory.getInstance("EC", EcdsaProvider.INSTANCE);
            ECDSASigner signer = new ECDSASigner((PrivateKey) keys.translateKey(active.toECPrivateKey()), Curve.P_256);
            signer.getJCAContext().setProvider(EcdsaProvider.INSTANCE);
            Map<String, PublicKey> verification = new HashMap<>();
            for (JWK key : published.getKeys()) {
                verification.put(key.getKeyID(), (PublicKey) keys.translateKey(key.toECKey().toECPublicKey()));
            }
            return new KeyRing(active, published, signer, Map.copyOf(verification));
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use signing key " + active.getKeyID(), e);
        }
    }

    /** The public key published under that {@code kid}, if any. */
    Optional<Key> verificationKey(String kid) {
        return Optional.ofNullable(kid == null ? null : verificationKeys.get(kid));
    }
}
