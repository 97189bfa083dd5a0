package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A trash page's address: page numbers checked, the search kept (encoded) in the links to other pages. */
class TrashAddressTest {

    @Test
    void pageNumbersAreCheckedAndStartAtOne() {
        assertEquals(Optional.of(new TrashAddress(null, 1)), TrashAddress.parse(null, null));
        assertEquals(3, TrashAddress.parse(null, "3").orElseThrow().page());
        for (String bad : new String[] {"0", "-1", "1e3", "abc", "1234567", " 2"}) {
            assertTrue(TrashAddress.parse(null, bad).isEmpty(), bad);
        }
    }

    @Test
    void linksKeepTheSearch() {
        TrashAddress address = TrashAddress.parse("Müller & Co", "2").orElseThrow();
        assertEquals(50, address.offset(50));
        assertEquals("orders/trash?page=3&q=M%C3%BCller+%26+Co", address.path("orders", 3));
        assertEquals("orders/trash?page=1", new TrashAddress(null, 2).path("orders", 1));
    }
}
