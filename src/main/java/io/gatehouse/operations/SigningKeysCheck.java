package io.gatehouse.operations;

import io.gatehouse.token.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The signing keys are loaded: without an active key no token can be issued or verified. */
@ApplicationScoped
public class SigningKeysCheck implements HealthCheck {

    @Inject
    SigningKeys signingKeys;

    SigningKeysCheck() {
        // the container injects the keys
    }

    SigningKeysCheck(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Override
    public String name() {
        return "signing-keys";
    }

    @Override
    public Optional<Problem> problem() {
        try {
            signingKeys.activeKeyId();
            return Optional.empty();
        } catch (RuntimeException e) {
            // e.g. a GATEHOUSE_SECRET that does not open the stored keys: the log says so, the probe does not
            return Optional.of(new Problem("The signing keys cannot be loaded", e));
        }
    }
}
