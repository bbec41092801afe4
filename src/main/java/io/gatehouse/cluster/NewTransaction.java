package io.gatehouse.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Runs work in a transaction of its own, for threads that have none (the change feed's). */
@ApplicationScoped
class NewTransaction {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void run(Runnable work) {
        work.run();
    }
}
