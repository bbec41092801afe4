/**
 * The servlet-container overlay: only in {@code gatehouse-servlet.war} (profile {@code -Pservlet}),
 * never in {@code gatehouse.war}. A Jakarta EE server gives the application EJB singletons with
 * start-up and timers, JTA with container-managed persistence contexts, {@code @Resource}
 * injection and a managed executor; Tomcat gives none of them. These classes give exactly what
 * the application uses, on top of Weld, so that its own classes run unchanged:
 * <ul>
 * <li>{@link EjbLiteExtension}: {@code @Singleton} becomes {@code @ApplicationScoped},
 *     {@code @Startup} beans are created at start-up in {@code @DependsOn} order, {@code @Schedule}
 *     methods run on {@link Schedules}; {@code @PersistenceContext} and {@code @Resource} fields are
 *     injected from {@link ServletResources}.</li>
 * <li>{@link LocalTransactions} and {@link TransactionalInterceptor}: {@code @Transactional} over a
 *     RESOURCE_LOCAL persistence unit, one entity manager per transaction, with
 *     {@link WeldTransactionServices} so that transactional observers run after the outcome.</li>
 * </ul>
 */
package io.gatehouse.servlet;
