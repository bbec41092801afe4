package io.gatehouse.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

/** The key that signs now and every public key that still verifies: one immutable snapshot. */
record KeyRing(ECKey active, JWKSet published) {
}
