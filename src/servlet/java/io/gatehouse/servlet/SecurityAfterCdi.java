package io.gatehouse.servlet;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.glassfish.soteria.servlet.SamRegistrationInstaller;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Soteria registers the application's authentication mechanism from its own initializer, and
 * only if CDI is already up; Tomcat runs the initializers of WEB-INF/lib in an order nobody
 * chooses, so Weld's may come after it. This initializer (WEB-INF/classes: Tomcat runs it before
 * those of the JARs) adds a listener that, once all initializers have run and Weld is up, runs
 * Soteria's registration again if it found no CDI the first time.
 */
public class SecurityAfterCdi implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(SecurityAfterCdi.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                String appContext = context.getVirtualServerName() + " " + context.getContextPath();
                if (AuthConfigFactory.getFactory().getConfigProvider("HttpServlet", appContext, null) != null) {
                    return;
                }
                LOG.info("Registering Soteria's authentication module now that CDI is up");
                try {
                    new SamRegistrationInstaller().onStartup(Set.of(), context);
                } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException late) {
                    // Its own de-registration listener cannot be added this late; ours below does its work.
                } catch (ServletException e) {
                    throw new IllegalStateException("Soteria could not register the authentication mechanism", e);
                }
            }

            @Override
            public void contextDestroyed(ServletContextEvent event) {
                AuthConfigFactory.getFactory().removeServerAuthModule(context);
            }
        });
    }
}
