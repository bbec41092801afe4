package io.gatehouse.operations;

import io.gatehouse.cluster.ChangeFeedCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ready when the database answers, the signing keys are loaded and (on a shared database) the
 * change feed is read. A flood of probes costs at
 * most one check at a time: callers arriving while one runs get the latest answer. A check going
 * down or coming back is logged once, with its cause, not at every probe.
 */
@ApplicationScoped
public class Readiness {

    private static final Logger LOG = Logger.getLogger(Readiness.class.getName());

    private List<HealthCheck> checks;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Boolean> wasUp = new HashMap<>();
    private volatile HealthReport last;

    Readiness() {
        // for the CDI proxy
    }

    @Inject
    Readiness(DatabaseCheck database, SigningKeysCheck signingKeys, ChangeFeedCheck changeFeed) {
        this(List.of(database, signingKeys, changeFeed));
    }

    Readiness(List<HealthCheck> checks) {
        this.checks = checks;
    }

    HealthReport report() {
        if (!running.compareAndSet(false, true)) {
            HealthReport latest = last;
            // Before the first answer there is nothing to share: such a caller checks for itself.
            return latest != null ? latest : probe();
        }
        try {
            return probe();
        } finally {
            running.set(false);
        }
    }

    private HealthReport probe() {
        List<HealthReport.Result> results = new ArrayList<>();
        for (HealthCheck check : checks) {
            HealthCheck.Problem problem = check.problem().orElse(null);
            logChange(check.name(), problem);
            results.add(new HealthReport.Result(check.name(), problem == null ? null : problem.reason()));
        }
        HealthReport report = new HealthReport(List.copyOf(results));
        last = report;
        return report;
    }

    private synchronized void logChange(String name, HealthCheck.Problem problem) {
        Boolean before = wasUp.put(name, problem == null);
        if (problem != null && !Boolean.FALSE.equals(before)) {
            LOG.log(Level.WARNING, "Not ready: " + name + ": " + problem.reason(), problem.cause());
        } else if (problem == null && Boolean.FALSE.equals(before)) {
            LOG.info("Ready again: " + name);
        }
    }
}
