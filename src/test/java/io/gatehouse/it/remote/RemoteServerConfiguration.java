package io.gatehouse.it.remote;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The base URL of the already running server: -Dit.baseUrl, e.g. http://127.0.0.1:8080/. */
public class RemoteServerConfiguration implements ContainerConfiguration {

    private String baseUrl = System.getProperty("it.baseUrl", "");

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public void validate() throws ConfigurationException {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new ConfigurationException("The remote container needs -Dit.baseUrl");
        }
    }
}
