package io.gatehouse.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * A black-box test class: the built WAR on a managed server, reached over real HTTP. Each subclass
 * gets a fresh deployment (so in-memory counters start from nothing): on Payara Micro a fresh
 * server too, on WildFly (-Pwildfly) the WAR deployed anew on the server of the run.
 */
@ExtendWith(ArquillianExtension.class)
abstract class AgainstServer {

    @Deployment(testable = false)
    static WebArchive deploy() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Http http;
    Gatehouse gatehouse;

    @BeforeEach
    void connect() {
        http = new Http(base);
        gatehouse = new Gatehouse(http);
    }
}
