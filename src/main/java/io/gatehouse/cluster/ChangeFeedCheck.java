package io.gatehouse.cluster;

import io.gatehouse.operations.HealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Ready only while this node reads the other nodes' changes (always, on the embedded database). */
@ApplicationScoped
public class ChangeFeedCheck implements HealthCheck {

    @Inject
    FeedFreshness freshness;

    @Override
    public String name() {
        return "changeFeed";
    }

    @Override
    public Optional<Problem> problem() {
        return freshness.stale()
                ? Optional.of(new Problem("The change feed could not be read for " + FeedFreshness.BOUND.toSeconds() + " s"))
                : Optional.empty();
    }
}
