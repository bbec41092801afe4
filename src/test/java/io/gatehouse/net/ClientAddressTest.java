package io.gatehouse.net;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private final ClientAddress behindBalancer = new ClientAddress("127.0.0.1, 10.0.0.0/8");

    @Test
    void ofWhenNoProxyIsTrustedThenTheForwardedHeaderIsIgnored() {
        assertEquals("127.0.0.1", new ClientAddress("").of("127.0.0.1", List.of("203.0.113.5")));
    }

    @Test
    void ofWhenThePeerIsNotTrustedThenItIsTheClient() {
        assertEquals("198.51.100.1", behindBalancer.of("198.51.100.1", List.of("203.0.113.5")));
    }

    @Test
    void ofWhenATrustedProxyForwardsThenTheAddressItAddedIsTheClient() {
        assertEquals("203.0.113.5", behindBalancer.of("127.0.0.1", List.of("203.0.113.5")));
    }

    @Test
    void ofWhenTheClientWroteItsOwnEntriesThenTheyCountForNothing() {
        assertEquals("203.0.113.5", behindBalancer.of("127.0.0.1", List.of("192.0.2.66, 10.9.9.9, 203.0.113.5")));
    }

    @Test
    void ofWhenSeveralTrustedProxiesForwardThenTheNearestUntrustedHopIsTheClient() {
        assertEquals("203.0.113.5", behindBalancer.of("10.0.0.2", List.of("192.0.2.66, 203.0.113.5, 10.0.0.1")));
        assertEquals("203.0.113.5", behindBalancer.of("10.0.0.2", List.of("192.0.2.66", "203.0.113.5", "10.0.0.1")));
    }

    @Test
    void ofWhenAnEntryIsNotAnAddressThenTheTrustedHopThatPassedItOnIsTheClient() {
        assertEquals("10.0.0.1", behindBalancer.of("127.0.0.1", List.of("example.com, 10.0.0.1")));
        assertEquals("127.0.0.1", behindBalancer.of("127.0.0.1", List.of("")));
        assertEquals("127.0.0.1", behindBalancer.of("127.0.0.1", List.of()));
    }

    @Test
    void ofWhenProxiesWritePortsOrBracketsThenTheAddressAloneIsKept() {
        assertEquals("2001:db8:0:0:0:0:0:1", behindBalancer.of("127.0.0.1", List.of("[2001:db8::1]:443")));
        assertEquals("2001:db8:0:0:0:0:0:1", behindBalancer.of("127.0.0.1", List.of("2001:db8::1")));
        assertEquals("192.0.2.1", behindBalancer.of("127.0.0.1", List.of("192.0.2.1:8080")));
    }

    @Test
    void ofWhenAllHopsAreTrustedThenTheFarthestIsTheClient() {
        assertEquals("10.0.0.7", behindBalancer.of("127.0.0.1", List.of("10.0.0.7, 10.0.0.1")));
    }

    @Test
    void constructorWhenAnEntryIsNotARangeThenItIsIgnored() {
        ClientAddress partly = new ClientAddress("proxy.example.com, 127.0.0.1");
        assertEquals("203.0.113.5", partly.of("127.0.0.1", List.of("203.0.113.5")));
    }
}
