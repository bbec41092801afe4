package io.gatehouse.servlet;

import io.gatehouse.persistence.ConfiguredDataSource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

import javax.sql.DataSource;
import java.util.Map;

/**
 * What the server's resources would be: the pooled data source of web.xml (Tomcat's own pool
 * over the application's ConfiguredDataSource, the same sizes), the persistence unit of
 * META-INF/persistence-servlet.xml (RESOURCE_LOCAL, EclipseLink), a managed executor and a scheduler.
 */
@ApplicationScoped
public class ServletResources {

    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        PoolProperties pool = new PoolProperties();
        pool.setDataSource(new ConfiguredDataSource());
        pool.setInitialSize(2);
        pool.setMinIdle(2);
        pool.setMaxIdle(32);
        pool.setMaxActive(32);
        pool.setDefaultAutoCommit(true);
        pool.setTestOnBorrow(true);
        pool.setValidationQuery("select 1");
        pool.setValidationInterval(30_000);
        return new org.apache.tomcat.jdbc.pool.DataSource(pool);
    }

    void close(@Disposes DataSource dataSource) {
        ((org.apache.tomcat.jdbc.pool.DataSource) dataSource).close(true);
    }

    @Produces
    @ApplicationScoped
    EntityManagerFactory entityManagerFactory(DataSource dataSource) {
        return new PersistenceProvider().createEntityManagerFactory("gatehouse", Map.of(
                "eclipselink.persistencexml", "META-INF/persistence-servlet.xml",
                "jakarta.persistence.nonJtaDataSource", dataSource));
    }

    void close(@Disposes EntityManagerFactory factory) {
        factory.close();
    }

    @Produces
    @ApplicationScoped
    EntityManager entityManager(EntityManagerFactory factory) {
        return TransactionScopedEntityManager.over(factory);
    }

    /** One pool serves as both: a scheduler is an executor too, so two producers would be ambiguous. */
    @Produces
    @ApplicationScoped
    ManagedScheduledExecutorService executor() {
        return LocalExecutor.createScheduled();
    }

    void close(@Disposes ManagedScheduledExecutorService executor) {
        executor.shutdownNow();
    }
}
