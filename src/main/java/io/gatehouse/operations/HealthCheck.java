package io.gatehouse.operations;

import java.util.Optional;

/** One thing readiness depends on. A check answers within seconds and never throws. */
public interface HealthCheck {

    /** Its name in the health report, e.g. {@code database}. */
    String name();

    /** Empty when it is up. */
    Optional<Problem> problem();

    /** Why a check is down: a reason anyone may read, and the cause for the server log only. */
    record Problem(String reason, Throwable cause) {

        public Problem(String reason) {
            this(reason, null);
        }
    }
}
