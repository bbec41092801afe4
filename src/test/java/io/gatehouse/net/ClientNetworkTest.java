package io.gatehouse.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientNetworkTest {

    @Test
    void ofWhenIpv4ThenTheAddressItself() {
        assertEquals("192.0.2.1", ClientNetwork.of("192.0.2.1"));
        assertNotEquals(ClientNetwork.of("192.0.2.1"), ClientNetwork.of("192.0.2.2"));
    }

    @Test
    void ofWhenIpv4MappedIpv6ThenTheIpv4Address() {
        assertEquals("192.0.2.1", ClientNetwork.of("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1", ClientNetwork.of("0:0:0:0:0:ffff:c000:201"));
    }

    @Test
    void ofWhenIpv6ThenItsSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:0:0::/64", ClientNetwork.of("2001:db8::1"));
        assertEquals("0:0:0:0::/64", ClientNetwork.of("::1"));
    }

    @Test
    void ofWhenTheSameAddressIsWrittenAnotherWayThenTheSameKey() {
        String key = ClientNetwork.of("2001:db8:a:b::5");
        assertEquals(key, ClientNetwork.of("2001:0db8:000a:000b:0000:0000:0000:0005"));
        assertEquals(key, ClientNetwork.of("2001:DB8:A:B:0:0:0:5"));
        assertEquals(key, ClientNetwork.of("2001:db8:a:b:0::5"));
    }

    @Test
    void ofWhenAZoneIdIsWrittenThenItIsLeftOut() {
        assertEquals("fe80:0:0:0::/64", ClientNetwork.of("fe80::1%eth0"));
        assertEquals("fe80:0:0:0::/64", ClientNetwork.of("fe80::2%1"));
    }

    @Test
    void ofWhenTheNetworksDifferThenTheKeysDiffer() {
        assertNotEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:3::1"));
        assertNotEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db9:1:2::1"));
    }

    @Test
    void ofWhenNotAnAddressThenTheTextItself() {
        assertEquals("unknown", ClientNetwork.of("unknown"));
        assertEquals("", ClientNetwork.of(""));
    }
}
