package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.i18n.Texts;
import org.gatehouse.service.ListCount;
import org.junit.jupiter.api.Test;

/** The dashboard's texts built from enum names exist, counts read as words, and chart data cannot end its script. */
class DashboardTextsTest {

    @Test
    void everyAuditActionHasItsTextInEveryLanguage() {
        Set<String> missing = new TreeSet<>();
        for (AuditAction action : AuditAction.values()) {
            for (Locale locale : Texts.SUPPORTED) {
                if (Texts.text(locale, HomeBacking.ACTION_TEXT + action.name()).startsWith("???")) {
                    missing.add(action + " (" + locale + ")");
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void countsSayRecordOrRecordsAndHowExactTheyAre() {
        assertEquals("0 records", HomeBacking.countText(new ListCount(0, ListCount.Kind.EXACT), Locale.ENGLISH));
        assertEquals("1 record", HomeBacking.countText(new ListCount(1, ListCount.Kind.EXACT), Locale.ENGLISH));
        assertEquals("1,234 records", HomeBacking.countText(new ListCount(1234, ListCount.Kind.EXACT), Locale.ENGLISH));
        assertEquals(
                "about 1,000,000 records",
                HomeBacking.countText(new ListCount(1_000_000, ListCount.Kind.ESTIMATE), Locale.ENGLISH));
        assertEquals(
                "more than 10,000 records",
                HomeBacking.countText(new ListCount(10_000, ListCount.Kind.AT_LEAST), Locale.ENGLISH));
        assertEquals("1 Datensatz", HomeBacking.countText(new ListCount(1, ListCount.Kind.EXACT), Locale.GERMAN));
        assertEquals(
                "etwa 1.000.000 Datensätze",
                HomeBacking.countText(new ListCount(1_000_000, ListCount.Kind.ESTIMATE), Locale.GERMAN));
    }

    @Test
    void chartDataCannotCloseItsScriptElement() {
        String json = DayChart.scriptSafe("{\"label\":\"</script><b>A & B\u2028\"}");
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        assertEquals("{\"label\":\"\\u003c/script\\u003e\\u003cb\\u003eA \\u0026 B\\u2028\"}", json);
    }
}
