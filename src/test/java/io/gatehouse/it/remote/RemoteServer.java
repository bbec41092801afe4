package io.gatehouse.it.remote;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.net.URI;

/**
 * The "remote" Arquillian container: a server that something else started, with the WAR already
 * deployed at "/" (Tomcat by -Ptomcat's catalina.sh). Deploying is a no-op; the tests get the
 * base URL from -Dit.baseUrl. One deployment for the whole run, so in-memory counters are not
 * reset between test classes as a redeployment would.
 */
public class RemoteServer implements DeployableContainer<RemoteServerConfiguration> {

    private URI base;

    @Override
    public Class<RemoteServerConfiguration> getConfigurationClass() {
        return RemoteServerConfiguration.class;
    }

    @Override
    public void setup(RemoteServerConfiguration configuration) {
        base = URI.create(configuration.getBaseUrl());
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        HTTPContext context = new HTTPContext(base.getHost(), base.getPort());
        context.add(new Servlet("default", "/"));
        return new ProtocolMetaData().addContext(context);
    }

    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public void deploy(Descriptor descriptor) {
    }

    @Override
    public void undeploy(Descriptor descriptor) {
    }
}
