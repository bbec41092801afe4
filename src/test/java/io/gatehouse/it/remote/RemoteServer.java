package io.gatehouse.it.remote;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * The "remote" Arquillian container: a server that something else started, with the WAR already
 * deployed at "/" (Tomcat by -Ptomcat's catalina.sh). Deploying is a no-op; the tests get the
 * base URL from -Dit.baseUrl. Each test class after the first gets a fresh deployment (in-memory
 * counters such as the per-address limits start from nothing, as on the managed servers) when
 * -Dit.redeployTo names the server's auto-deployed file: the WAR is copied there again and the
 * server's /api/health is awaited going down and coming back.
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

    private static boolean deployedOnce;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String target = System.getProperty("it.redeployTo", "");
        if (deployedOnce && !target.isBlank()) {
            redeploy(Path.of(System.getProperty("gatehouse.war")), Path.of(target));
        }
        deployedOnce = true;
        HTTPContext context = new HTTPContext(base.getHost(), base.getPort());
        context.add(new Servlet("default", "/"));
        return new ProtocolMetaData().addContext(context);
    }

    private void redeploy(Path war, Path target) throws DeploymentException {
        try {
            Files.copy(war, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(base.resolve("/api/health")).timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (answers(client, health) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (!answers(client, health)) {
                if (System.nanoTime() > deadline) {
                    throw new DeploymentException("The server did not come back after the redeployment");
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new DeploymentException("Could not redeploy " + war, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted", e);
        }
    }

    private static boolean answers(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
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
