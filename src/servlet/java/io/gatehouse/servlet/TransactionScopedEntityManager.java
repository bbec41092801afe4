package io.gatehouse.servlet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The entity manager that {@code @PersistenceContext} fields get: each call goes to the current
 * transaction's entity manager, or outside one to the thread's reading entity manager. Like a
 * container-managed one it cannot be closed and has no EntityTransaction of its own.
 */
final class TransactionScopedEntityManager implements InvocationHandler {

    private final EntityManagerFactory factory;

    private TransactionScopedEntityManager(EntityManagerFactory factory) {
        this.factory = factory;
    }

    static EntityManager over(EntityManagerFactory factory) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, new TransactionScopedEntityManager(factory));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close", "getTransaction" ->
                    throw new IllegalStateException("A container-managed entity manager: " + method.getName() + "() is not allowed");
            case "isOpen" -> {
                return true;
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "TransactionScopedEntityManager";
            }
            default -> {
                LocalTransactions.Tx tx = LocalTransactions.current();
                EntityManager target = tx != null ? tx.em : LocalTransactions.outside(factory);
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
    }
}
