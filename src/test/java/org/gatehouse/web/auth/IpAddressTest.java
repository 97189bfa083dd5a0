package org.gatehouse.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Addresses shown as people write them (RFC 5952), and nothing else changed. */
class IpAddressTest {

    @Test
    void theContainersLongIpv6FormIsShortened() {
        assertEquals("::1", IpAddress.display("0:0:0:0:0:0:0:1"));
        assertEquals("::", IpAddress.display("0:0:0:0:0:0:0:0"));
        assertEquals("2001:db8::1", IpAddress.display("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("fe80::1:2:3:4%eth0", IpAddress.display("fe80:0:0:0:1:2:3:4%eth0"));
        assertEquals("2001:db8::", IpAddress.display("2001:DB8:0:0:0:0:0:0"));
        assertEquals("::1", IpAddress.display("[0:0:0:0:0:0:0:1]"));
    }

    @Test
    void theLongestRunOfZerosIsCompressedTheFirstOnATie() {
        assertEquals("2001:0:0:1::1", IpAddress.display("2001:0:0:1:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", IpAddress.display("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddress.display("2001:db8:0:1:1:1:1:1"), "one zero group stays");
    }

    @Test
    void shortFormsAndMappedIpv4AreWrittenTheSameWay() {
        assertEquals("2001:db8::1", IpAddress.display("2001:db8::0:1"));
        assertEquals("::ffff:192.0.2.1", IpAddress.display("0:0:0:0:0:ffff:c000:201"));
        assertEquals("::ffff:192.0.2.1", IpAddress.display("::FFFF:192.0.2.1"));
    }

    @Test
    void anythingElseIsLeftAsItWas() {
        assertEquals("127.0.0.1", IpAddress.display("127.0.0.1"));
        assertNull(IpAddress.display(null));
        assertEquals("", IpAddress.display(""));
        for (String odd : new String[] {
            "1:2:3",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "12345::1",
            "g::1",
            "+1::1",
            "::1.2.3",
            "::256.1.1.1",
            "localhost:8080x",
            "1:2:3:4:5:6:7::8"
        }) {
            assertEquals(odd, IpAddress.display(odd), odd);
        }
    }
}
