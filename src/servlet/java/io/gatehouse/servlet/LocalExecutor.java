package io.gatehouse.servlet;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ManagedScheduledExecutorService (a ManagedExecutorService too) for Tomcat, which has neither:
 * four threads, whose tasks release their thread's persistence state when done. The
 * java.util.concurrent methods are served; the Concurrency 3.0 additions are not used and throw.
 */
final class LocalExecutor {

    private LocalExecutor() {
    }

    static ManagedScheduledExecutorService createScheduled() {
        return managed(ManagedScheduledExecutorService.class, ScheduledExecutorService.class,
                new ScheduledThreadPoolExecutor(4, threads("gatehouse-executor-")));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return run -> {
            Thread thread = new Thread(run, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code pool} as the managed interface: the {@code served} interface's methods, each task releasing its thread. */
    private static <T> T managed(Class<T> managed, Class<?> served, ExecutorService pool) {
        return managed.cast(Proxy.newProxyInstance(LocalExecutor.class.getClassLoader(), new Class<?>[] {managed},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "LocalExecutor";
                        };
                    }
                    if (!method.getDeclaringClass().isAssignableFrom(served)) {
                        throw new UnsupportedOperationException(method.getName() + " is not offered on a servlet container");
                    }
                    for (int i = 0; args != null && i < args.length; i++) {
                        if (args[i] instanceof Runnable task) {
                            args[i] = (Runnable) () -> {
                                try {
                                    task.run();
                                } finally {
                                    LocalTransactions.releaseThread();
                                }
                            };
                        }
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
