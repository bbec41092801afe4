package io.gatehouse.it.remote;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Offers the remote container only when -Dit.baseUrl is set: otherwise the managed adapters stay alone. */
public class RemoteServerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (!System.getProperty("it.baseUrl", "").isBlank()) {
            builder.service(DeployableContainer.class, RemoteServer.class);
        }
    }
}
