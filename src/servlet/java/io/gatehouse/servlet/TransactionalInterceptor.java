package io.gatehouse.servlet;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

/**
 * {@code @Transactional} as JTA's interceptors do it (Jakarta Transactions 2.0, 3.6.1), over
 * {@link LocalTransactions}: unchecked exceptions roll back unless {@code dontRollbackOn} says
 * otherwise, checked ones commit unless {@code rollbackOn} names them; inside a joined transaction
 * they mark it rollback-only.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class TransactionalInterceptor {

    @Inject
    EntityManagerFactory factory;

    @AroundInvoke
    public Object around(InvocationContext call) throws Exception {
        Transactional settings = settings(call);
        LocalTransactions.Tx current = LocalTransactions.current();
        switch (settings.value()) {
            case REQUIRED:
                return current != null ? joined(call, settings, current) : inNew(call, settings);
            case REQUIRES_NEW:
                return inNew(call, settings);
            case MANDATORY:
                if (current == null) {
                    throw new TransactionalException("No transaction for a MANDATORY method",
                            new jakarta.transaction.TransactionRequiredException());
                }
                return joined(call, settings, current);
            case SUPPORTS:
                return current != null ? joined(call, settings, current) : call.proceed();
            case NEVER:
                if (current != null) {
                    throw new TransactionalException("A transaction for a NEVER method",
                            new jakarta.transaction.InvalidTransactionException());
                }
                return call.proceed();
            case NOT_SUPPORTED:
            default:
                if (current == null) {
                    return call.proceed();
                }
                LocalTransactions.suspend();
                try {
                    return call.proceed();
                } finally {
                    LocalTransactions.resume();
                }
        }
    }

    private Object inNew(InvocationContext call, Transactional settings) throws Exception {
        LocalTransactions.Tx tx = LocalTransactions.begin(factory);
        Object result;
        try {
            result = call.proceed();
        } catch (Exception | Error e) {
            boolean commit = !(e instanceof Error) && !rollsBack(settings, e);
            try {
                LocalTransactions.end(tx, commit);
            } catch (RuntimeException commitFailure) {
                e.addSuppressed(commitFailure);
            }
            throw e;
        }
        try {
            LocalTransactions.end(tx, true);
        } catch (RuntimeException commitFailure) {
            throw new TransactionalException("The transaction could not commit", commitFailure);
        }
        return result;
    }

    private static Object joined(InvocationContext call, Transactional settings, LocalTransactions.Tx tx)
            throws Exception {
        try {
            return call.proceed();
        } catch (Exception | Error e) {
            if (e instanceof Error || rollsBack(settings, e)) {
                tx.rollbackOnly = true;
            }
            throw e;
        }
    }

    private static boolean rollsBack(Transactional settings, Throwable e) {
        for (Class<?> type : settings.dontRollbackOn()) {
            if (type.isInstance(e)) {
                return false;
            }
        }
        for (Class<?> type : settings.rollbackOn()) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return e instanceof RuntimeException;
    }

    private static Transactional settings(InvocationContext call) {
        Transactional onMethod = call.getMethod().getAnnotation(Transactional.class);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> type = call.getMethod().getDeclaringClass(); type != null; type = type.getSuperclass()) {
            Transactional onClass = type.getAnnotation(Transactional.class);
            if (onClass != null) {
                return onClass;
            }
        }
        throw new IllegalStateException("No @Transactional on " + call.getMethod());
    }
}
