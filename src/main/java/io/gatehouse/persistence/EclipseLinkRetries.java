package io.gatehouse.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that lost its connection three times, five seconds apart: with the
 * database away, every such request would hang fifteen seconds before its 503. One immediate
 * retry still replaces a pooled connection the database closed (it restarted), and an outage
 * answers at once. Named in persistence.xml; other JPA providers ignore it and do not retry.
 */
public class EclipseLinkRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
