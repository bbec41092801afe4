package io.gatehouse.servlet;

import jakarta.ejb.Schedule;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's {@code @Schedule} methods, non-persistent as they are declared: one thread
 * looks at the clock every second and calls the methods whose second, minute and hour match.
 * One thread means one call at a time, as an EJB singleton's write lock would allow. Supports the
 * expression forms the application uses: {@code *}, {@code *}{@code /n} and a number.
 */
final class Schedules {

    private static final Logger LOG = Logger.getLogger(Schedules.class.getName());

    record Job(Class<?> type, Method method, Schedule schedule) {

        boolean due(LocalTime now) {
            return matches(schedule.second(), now.getSecond()) && matches(schedule.minute(), now.getMinute())
                    && matches(schedule.hour(), now.getHour());
        }

        static boolean matches(String expression, int value) {
            String e = expression.trim();
            if (e.equals("*")) {
                return true;
            }
            if (e.startsWith("*/")) {
                return value % Integer.parseInt(e.substring(2)) == 0;
            }
            return Integer.parseInt(e) == value;
        }
    }

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "gatehouse-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private final BeanManager beans;
    private final List<Job> jobs;
    private int lastSecond = -1;

    Schedules(BeanManager beans, List<Job> jobs) {
        this.beans = beans;
        this.jobs = List.copyOf(jobs);
        for (Job job : this.jobs) {
            job.method().setAccessible(true);
        }
        clock.scheduleAtFixedRate(this::tick, 1000 - System.currentTimeMillis() % 1000, 250, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        LocalTime now = LocalTime.now();
        int second = now.toSecondOfDay();
        if (second == lastSecond) {
            return;
        }
        lastSecond = second;
        for (Job job : jobs) {
            if (job.due(now)) {
                run(job);
            }
        }
    }

    private void run(Job job) {
        try {
            Bean<?> bean = beans.resolve(beans.getBeans(job.type()));
            Object target = beans.getReference(bean, job.type(), beans.createCreationalContext(bean));
            job.method().invoke(target);
        } catch (InvocationTargetException e) {
            LOG.log(Level.WARNING, "Scheduled " + job.method() + " failed", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled " + job.method() + " could not run", e);
        } finally {
            LocalTransactions.releaseThread();
        }
    }

    void stop() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
