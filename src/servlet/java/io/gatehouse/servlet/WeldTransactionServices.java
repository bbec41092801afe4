package io.gatehouse.servlet;

import jakarta.transaction.Synchronization;
import jakarta.transaction.UserTransaction;
import org.jboss.weld.transaction.spi.TransactionServices;

/**
 * Tells Weld about {@link LocalTransactions} (registered in META-INF/services as a Weld service),
 * so that observers of {@code AFTER_SUCCESS} and {@code AFTER_COMPLETION} run once the
 * transaction has its outcome, not at once.
 */
public class WeldTransactionServices implements TransactionServices {

    @Override
    public void registerSynchronization(Synchronization synchronization) {
        LocalTransactions.Tx tx = LocalTransactions.current();
        if (tx == null) {
            throw new IllegalStateException("No transaction to register with");
        }
        tx.synchronizations.add(synchronization);
    }

    @Override
    public boolean isTransactionActive() {
        return LocalTransactions.current() != null;
    }

    @Override
    public UserTransaction getUserTransaction() {
        return null;
    }

    @Override
    public void cleanup() {
    }
}
