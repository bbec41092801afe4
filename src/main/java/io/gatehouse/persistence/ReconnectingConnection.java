package io.gatehouse.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A physical connection that replaces itself after the database dropped it (a restart, a network
 * cut). The server's pool keeps a broken connection and hands it out again unless the server was
 * told to validate it, and application-defined data sources cannot say so on every server (WildFly
 * has no setting for them). So: a call (on it or on one of its statements) that fails with a lost
 * connection marks it broken, and so does a failed validity check before new work on a connection
 * idle for a second or more (the database restarted while it sat in the pool: then not even one
 * request fails). The next call that starts new work opens a fresh connection first: when no
 * transaction is open on it, or at a transaction's rollback or end. Within a
 * transaction nothing is replaced: the rest of it fails, its commit too, as it must.
 */
final class ReconnectingConnection implements InvocationHandler {

    private static final Set<String> STARTS_WORK = Set.of("createStatement", "prepareStatement", "prepareCall", "setAutoCommit");

    /** Opens a new physical connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    /** A connection idle this long is checked before new work: the database may have gone meanwhile. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private volatile Connection current;
    private volatile boolean broken;
    private volatile long lastUsed = System.nanoTime();
    // The session state the pool set, applied again to a replacement.
    private boolean autoCommit = true;
    private Integer isolation;
    private Boolean readOnly;

    private ReconnectingConnection(Opener opener, Connection first) {
        this.opener = opener;
        this.current = first;
    }

    static Connection open(Opener opener) throws SQLException {
        Connection first = opener.open();
        return (Connection) Proxy.newProxyInstance(ReconnectingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ReconnectingConnection(opener, first));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "ReconnectingConnection[" + current + "]";
            };
        }
        // Safe points: no transaction open, or one beginning or ending (its work died with the old connection).
        boolean transactionBoundary = name.equals("setAutoCommit") || (name.equals("rollback") && args == null);
        boolean safePoint = autoCommit || transactionBoundary;
        if (STARTS_WORK.contains(name)) {
            // Idle is measured between pieces of work only: the pool's own calls at check-out (autoCommit,
            // warnings, isolation) must not make a connection that sat through a restart look fresh.
            long now = System.nanoTime();
            if (!broken && safePoint && now - lastUsed > IDLE_NANOS && !current.isValid(1)) {
                broken = true;  // found dead before use: no request fails on it
            }
            lastUsed = now;
        }
        if (broken && safePoint && !name.equals("close") && !name.equals("isClosed")) {
            replace();
        }
        Object result = call(current, method, args);
        remember(name, args);
        if (name.equals("isValid") && Boolean.FALSE.equals(result)) {
            broken = true;  // a pool that validates asked: the next use gets a new one
        }
        // A lost connection usually shows when a statement runs: statements report it here too.
        return result instanceof Statement statement ? watch(statement, method.getReturnType()) : result;
    }

    private Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql && ConnectionFailures.isConnectionFailure(sql)) {
                broken = true;
            }
            throw cause;
        }
    }

    private Object watch(Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(ReconnectingConnection.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? method.invoke(statement, args) : call(statement, method, args));
    }

    private void remember(String name, Object[] args) {
        switch (name) {
            case "setAutoCommit" -> autoCommit = (Boolean) args[0];
            case "setTransactionIsolation" -> isolation = (Integer) args[0];
            case "setReadOnly" -> readOnly = (Boolean) args[0];
            default -> {
            }
        }
    }

    private synchronized void replace() throws SQLException {
        if (!broken) {
            return;
        }
        Connection fresh = opener.open();  // fails while the database is still away: the caller gets that
        try {
            current.close();
        } catch (SQLException alreadyGone) {
            // the database closed it
        }
        current = fresh;
        broken = false;
        current.setAutoCommit(autoCommit);
        if (isolation != null) {
            current.setTransactionIsolation(isolation);
        }
        if (readOnly != null) {
            current.setReadOnly(readOnly);
        }
    }
}
