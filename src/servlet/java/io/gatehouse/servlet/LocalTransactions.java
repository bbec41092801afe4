package io.gatehouse.servlet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resource-local transactions per thread, standing in for JTA. The top of a thread's stack is its
 * current transaction (or a suspension, for NOT_SUPPORTED); each transaction has its own entity
 * manager, as a transaction-scoped persistence context has. Outside a transaction, reads use the
 * thread's own entity manager, cleared before each use (so nothing read earlier goes stale) and
 * closed when the request or the task ends ({@link #releaseThread()}).
 */
public final class LocalTransactions {

    private static final Logger LOG = Logger.getLogger(LocalTransactions.class.getName());
    private static final ThreadLocal<Deque<Tx>> STACK = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<EntityManager> OUTSIDE = new ThreadLocal<>();
    /** Marks a suspended transaction (NOT_SUPPORTED, NEVER) on the stack. */
    private static final Tx NONE = new Tx(null);

    private LocalTransactions() {
    }

    static final class Tx {
        final EntityManager em;
        final List<Synchronization> synchronizations = new ArrayList<>();
        boolean rollbackOnly;

        Tx(EntityManager em) {
            this.em = em;
        }
    }

    /** The current transaction, or null. */
    static Tx current() {
        Tx top = STACK.get().peek();
        return top == null || top == NONE ? null : top;
    }

    static Tx begin(EntityManagerFactory factory) {
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        Tx tx = new Tx(em);
        STACK.get().push(tx);
        return tx;
    }

    static void suspend() {
        STACK.get().push(NONE);
    }

    static void resume() {
        STACK.get().pop();
    }

    /** Commits (or rolls back when marked so) and pops; the synchronizations learn the outcome. */
    static void end(Tx tx, boolean commit) {
        int status = Status.STATUS_ROLLEDBACK;
        RuntimeException failure = null;
        try {
            if (commit && !tx.rollbackOnly) {
                for (Synchronization synchronization : List.copyOf(tx.synchronizations)) {
                    synchronization.beforeCompletion();
                }
            }
            if (commit && !tx.rollbackOnly && !tx.em.getTransaction().getRollbackOnly()) {
                tx.em.getTransaction().commit();
                status = Status.STATUS_COMMITTED;
            } else if (tx.em.getTransaction().isActive()) {
                tx.em.getTransaction().rollback();
            }
        } catch (RuntimeException e) {
            failure = e;
            if (tx.em.getTransaction().isActive()) {
                try {
                    tx.em.getTransaction().rollback();
                } catch (RuntimeException ignored) {
                    e.addSuppressed(ignored);
                }
            }
        } finally {
            STACK.get().pop();
            tx.em.close();
        }
        for (Synchronization synchronization : tx.synchronizations) {
            try {
                synchronization.afterCompletion(status);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An after-completion observer failed", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The entity manager for a use outside any transaction. */
    static EntityManager outside(EntityManagerFactory factory) {
        EntityManager em = OUTSIDE.get();
        if (em == null || !em.isOpen()) {
            em = factory.createEntityManager();
            OUTSIDE.set(em);
        } else {
            em.clear();
        }
        return em;
    }

    /** Ends what the thread holds: called when a request, a timer call or a task is over. */
    public static void releaseThread() {
        EntityManager em = OUTSIDE.get();
        OUTSIDE.remove();
        if (em != null && em.isOpen()) {
            em.close();
        }
        Deque<Tx> stack = STACK.get();
        if (!stack.isEmpty()) {
            LOG.warning("A transaction was left open on " + Thread.currentThread().getName() + "; rolled back");
            while (current() != null) {
                end(current(), false);
            }
            stack.clear();
        }
        STACK.remove();
    }
}
