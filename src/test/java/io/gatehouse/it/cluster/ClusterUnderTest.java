package io.gatehouse.it.cluster;

import io.gatehouse.it.Http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The nodes and the balancer that the cluster profile started (pom.xml: it.cluster.*). */
final class ClusterUnderTest {

    private ClusterUnderTest() {
    }

    static List<Http> nodes() {
        List<Http> nodes = new ArrayList<>();
        for (String url : System.getProperty("it.cluster.nodes").split(",")) {
            nodes.add(http(url));
        }
        return List.copyOf(nodes);
    }

    static Http balancer() {
        return http(System.getProperty("it.cluster.balancer"));
    }

    private static Http http(String url) {
        try {
            return new Http(URI.create(url.trim()).toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }
}
