package io.gatehouse.servlet;

import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.util.Nonbinding;
import jakarta.transaction.Transactional;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Scope;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceContext;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an EJB container would do with the application's classes, done by Weld. The servlet WAR's
 * beans.xml discovers all classes so that EJB singletons are seen at all; every other class of
 * the application without a bean-defining annotation is vetoed, as "annotated" discovery would.
 */
public class EjbLiteExtension implements Extension {

    private static final AnnotationLiteral<ApplicationScoped> APPLICATION_SCOPED = new AnnotationLiteral<>() { };
    private static final AnnotationLiteral<Inject> INJECT = new AnnotationLiteral<>() { };

    /** EJB name (the simple class name) to class, in discovery order. */
    private final Map<String, Class<?>> startups = new LinkedHashMap<>();
    private final List<Schedules.Job> jobs = new ArrayList<>();
    private Schedules schedules;

    /**
     * {@code @Transactional}'s {@code value} is a binding member: one interceptor would match only
     * REQUIRED (Narayana has one class per type). Non-binding here, TransactionalInterceptor serves all.
     */
    void bindings(@Observes BeforeBeanDiscovery event) {
        event.configureInterceptorBinding(Transactional.class).methods()
                .forEach(member -> member.add(Nonbinding.Literal.INSTANCE));
    }

    <T> void onType(@Observes ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!type.getName().startsWith("io.gatehouse.")) {
            return;
        }
        boolean singleton = type.isAnnotationPresent(Singleton.class);
        if (!singleton && !beanDefining(type)) {
            event.veto();
            return;
        }
        var configurator = event.configureAnnotatedType();
        if (singleton) {
            configurator.add(APPLICATION_SCOPED);
            if (type.isAnnotationPresent(Startup.class)) {
                startups.put(type.getSimpleName(), type);
            }
            for (AnnotatedMethod<? super T> method : event.getAnnotatedType().getMethods()) {
                Schedule schedule = method.getAnnotation(Schedule.class);
                if (schedule != null) {
                    jobs.add(new Schedules.Job(type, method.getJavaMember(), schedule));
                }
            }
        }
        // Container-injected fields become CDI injection points that ServletResources satisfies.
        configurator.filterFields(field -> field.isAnnotationPresent(PersistenceContext.class)
                        || field.isAnnotationPresent(Resource.class))
                .forEach(field -> field.remove(a -> a instanceof PersistenceContext || a instanceof Resource).add(INJECT));
    }

    private static boolean beanDefining(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind == Dependent.class || kind == Interceptor.class || kind == jakarta.decorator.Decorator.class
                    || kind.isAnnotationPresent(NormalScope.class) || kind.isAnnotationPresent(Scope.class)
                    || kind.isAnnotationPresent(Stereotype.class)) {
                return true;
            }
        }
        return false;
    }

    /** The @Startup singletons, each after those its @DependsOn names; then the timers. */
    void start(@Observes AfterDeploymentValidation event, BeanManager beans) {
        try {
            Set<String> started = new LinkedHashSet<>();
            for (String name : startups.keySet()) {
                start(name, beans, started);
            }
            schedules = new Schedules(beans, jobs);
        } catch (RuntimeException e) {
            event.addDeploymentProblem(e);
        } finally {
            LocalTransactions.releaseThread();
        }
    }

    private void start(String name, BeanManager beans, Set<String> started) {
        Class<?> type = startups.get(name);
        if (type == null || !started.add(name)) {
            return;
        }
        DependsOn dependsOn = type.getAnnotation(DependsOn.class);
        if (dependsOn != null) {
            for (String before : dependsOn.value()) {
                start(before, beans, started);
            }
        }
        var bean = beans.resolve(beans.getBeans(type));
        // A client proxy creates its instance on the first call: toString() is that call.
        beans.getReference(bean, type, beans.createCreationalContext(bean)).toString();
    }

    void stop(@Observes BeforeShutdown event) {
        if (schedules != null) {
            schedules.stop();
        }
    }
}
