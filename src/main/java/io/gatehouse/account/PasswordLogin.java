package io.gatehouse.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * E-mail and password login, shared by every password path (session login, HTTP Basic, and
 * later the token endpoints). Unknown, locked and disabled accounts cost one hash like any other,
 * and every refusal reads the same.
 */
@ApplicationScoped
public class PasswordLogin {

    /** A real hash of a random password: unknown users are checked against it to spend the same time. */
    private static final String DECOY_HASH = PasswordHasher.owasp().hash(java.util.UUID.randomUUID().toString());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    LoginAttempts attempts;

    @Inject
    AddressThrottle addresses;

    private final PasswordHasher hasher = PasswordHasher.owasp();

    public LoginOutcome login(String email, String password, String address) {
        if (addresses.isBlocked(address)) {
            return LoginOutcome.addressBlocked();
        }
        User user = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", Emails.normalize(email))
                .getResultStream().findFirst().orElse(null);
        boolean hasPassword = user != null && user.getPasswordHash() != null;
        boolean matched = hasher.verify(password, hasPassword ? user.getPasswordHash() : DECOY_HASH) && hasPassword;
        CallerProfile accepted = null;
        if (user != null) {
            String rehashed = matched && hasher.needsRehash(user.getPasswordHash()) ? hasher.hash(password) : null;
            accepted = attempts.settle(user.getId(), matched, rehashed);
        }
        if (accepted == null) {
            addresses.recordFailure(address);
            return LoginOutcome.refused();
        }
        return LoginOutcome.accepted(accepted);
    }
}
