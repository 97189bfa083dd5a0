package org.gatehouse.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The setup key as a person types it from the page. */
class SetupKeyTest {

    @Test
    void theKeyIsShownInGroupsOfFourWithNoSpaceAtTheEnd() {
        assertEquals("ABCD EFGH IJKL", SetupKey.grouped("ABCDEFGHIJKL"));
        assertEquals("ABCD EFGH IJ", SetupKey.grouped("ABCDEFGHIJ"));
        assertEquals("ABC", SetupKey.grouped("ABC"));
    }
}
