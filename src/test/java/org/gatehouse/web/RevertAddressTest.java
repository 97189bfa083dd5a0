package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.gatehouse.service.RecordHistory;
import org.junit.jupiter.api.Test;

/** A revert preview's address: the entry must be an id and the kind one of the two. */
class RevertAddressTest {

    @Test
    void namesAnEntryAndAKind() {
        assertEquals(
                Optional.of(new RevertAddress(123, RecordHistory.Mode.CHANGE)), RevertAddress.parse("123", "change"));
        assertEquals(
                RecordHistory.Mode.VERSION,
                RevertAddress.parse("7", "version").orElseThrow().mode());
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String[] bad : new String[][] {
            {null, "change"},
            {"", "change"},
            {"12a", "change"},
            {"1234567890123456789", "change"},
            {"-1", "version"},
            {"1", null},
            {"1", "CHANGE"},
            {"1", ""},
            {"1", "all"}
        }) {
            assertTrue(RevertAddress.parse(bad[0], bad[1]).isEmpty(), bad[0] + " " + bad[1]);
        }
    }
}
