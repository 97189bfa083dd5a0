package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored hidden or read-only part read back into the names the multi-selects tick. */
class RulePartsTest {

    @Test
    void namesAreSplitAtCommasWithoutBlanks() {
        assertEquals(List.of("total", "notes"), RuleParts.names(" total ,notes, ,"));
        assertEquals(List.of(), RuleParts.names(null));
        assertEquals(List.of(), RuleParts.names("  "));
    }

    @Test
    void theNamesMayBeChangedByThePage() {
        List<String> names = RuleParts.names("total");
        names.add("notes");
        assertEquals(List.of("total", "notes"), names);
    }
}
