package io.gatehouse.servlet;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ManagedExecutorService for Tomcat, which has none: a bounded pool (a full queue refuses, as a
 * server's managed executor does) whose tasks release their thread's persistence state when done.
 * The ExecutorService methods are served; the Concurrency 3.0 additions are not used and throw.
 */
final class LocalExecutor {

    private LocalExecutor() {
    }

    static ManagedExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                run -> {
                    Thread thread = new Thread(run, "gatehouse-executor-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return (ManagedExecutorService) Proxy.newProxyInstance(LocalExecutor.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        Runnable task = (Runnable) args[0];
                        pool.execute(() -> {
                            try {
                                task.run();
                            } finally {
                                LocalTransactions.releaseThread();
                            }
                        });
                        return null;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "LocalExecutor";
                        };
                    }
                    if (!method.getDeclaringClass().isAssignableFrom(ExecutorService.class)) {
                        throw new UnsupportedOperationException(method.getName() + " is not offered on a servlet container");
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
