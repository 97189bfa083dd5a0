package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.metadata.StepUpRule;
import org.junit.jupiter.api.Test;

/** How the list page writes numbers, long texts and enum values, asks about bulk actions and reads the column choice. */
class ListPageTextsTest {

    private enum Colour {
        DARK_RED,
        GREEN
    }

    private static PropertyDescriptor property(String name, PropertyKind kind, Class<?> type) {
        return new PropertyDescriptor(name, name, kind, type, false, 0, false, true, false, true, List.of(), null);
    }

    private static final PropertyDescriptor NAME = property("name", PropertyKind.TEXT, String.class);
    private static final PropertyDescriptor TOTAL = property("total", PropertyKind.DECIMAL, BigDecimal.class);
    private static final PropertyDescriptor COLOUR = property("colour", PropertyKind.ENUM, Colour.class);

    private static AdminView<Object> view() {
        Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
        List.of(NAME, TOTAL, COLOUR).forEach(p -> properties.put(p.name(), p));
        return new AdminView<>(
                Object.class,
                "things",
                "Things",
                "Thing",
                "",
                "",
                Long.class,
                properties,
                List.of(NAME, TOTAL, COLOUR),
                List.of(),
                List.of(),
                List.of(),
                "name",
                List.of(new SortOrder("id", true)),
                List.of(10, 20),
                true,
                true,
                true,
                List.<BulkAction<Object>>of(),
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(),
                StepUpRule.NONE);
    }

    @Test
    void decimalsHaveTwoPlacesAtLeastInTheReadersFormatAndAreNeverRounded() {
        assertEquals("1,234.50", ListCells.decimal(new BigDecimal("1234.5"), Locale.ENGLISH));
        assertEquals("1.234,50", ListCells.decimal(new BigDecimal("1234.5"), Locale.GERMAN));
        assertEquals("0.125", ListCells.decimal(new BigDecimal("0.125"), Locale.ENGLISH));
        assertEquals("-7.00", ListCells.decimal(new BigDecimal("-7"), Locale.ENGLISH));
    }

    @Test
    void longTextsAreTruncatedWithTheWholeTextAsTooltip() {
        assertEquals(ListCell.of("short"), ListCells.text("short"));
        String long_ = "a.very.long.address.of.someone@example.com";
        ListCell cell = ListCells.text(long_);
        assertEquals(long_, cell.text());
        assertEquals(long_, cell.title());
        assertEquals("gh-truncate", cell.styleClass());
        ListCell lines = ListCells.text("first line\nsecond line, and then a lot more text to read");
        assertEquals("first line second line, and then a lot more text to read", lines.text(), "one line in a cell");
        assertTrue(lines.title().contains("\n"), "the tooltip keeps the line break");
    }

    @Test
    void enumValuesAreBadgesWithReadableNames() {
        ListCell badge = ListCells.badge(Colour.DARK_RED, Locale.ENGLISH);
        assertEquals("Dark red", badge.text());
        assertNull(badge.title());
        assertEquals("gh-badge gh-badge-0", badge.styleClass());
        assertEquals(
                "gh-badge gh-badge-1",
                ListCells.badge(Colour.GREEN, Locale.GERMAN).styleClass());
        assertEquals("Green", FilterChoices.enumLabel(COLOUR, "GREEN", Locale.ENGLISH));
        assertEquals(
                "Lost", FilterChoices.enumLabel(COLOUR, "LOST", Locale.ENGLISH), "a name the enum lacks still reads");
    }

    @Test
    void anActionsQuestionSaysHowManyRowsItChanges() {
        assertEquals(
                "Mark 3 orders as shipped?",
                BulkActionBacking.question("Mark {0,number,integer} {1} as shipped?", 3, "orders", Locale.ENGLISH));
        assertEquals(
                "Deactivate the selected users' accounts? 1 user selected.",
                BulkActionBacking.question("Deactivate the selected users' accounts?", 1, "user", Locale.ENGLISH));
        assertEquals(
                "Reset {broken? 2 things selected.",
                BulkActionBacking.question("Reset {broken?", 2, "things", Locale.ENGLISH),
                "a deployer's braces are not a failure");
        assertEquals(
                "Ausblenden? 1.000 Dinge ausgew\u00e4hlt.",
                BulkActionBacking.question("Ausblenden?", 1000, "Dinge", Locale.GERMAN));
    }

    @Test
    void theColumnChoiceIsReadForItsOwnerAndOnlyForHideableColumns() {
        String owner = "0123456789abcdef";
        assertEquals(16, owner.length());
        assertEquals(
                Set.of("total"),
                ColumnChoice.read(view(), owner + ":total|nonsense|name", owner),
                "the first column holds the record link and stays");
        assertEquals(
                Set.of(),
                ColumnChoice.read(view(), "fedcba9876543210" + ":total", owner),
                "another person's choice does not apply");
        assertEquals(Set.of(), ColumnChoice.read(view(), null, owner));
        assertEquals(Set.of(), ColumnChoice.read(view(), owner + ":" + "x|".repeat(2000), owner));
    }

    @Test
    void anAddressForThePageScriptStaysOneJavaScriptStringThatCannotEndTheScript() {
        assertEquals("'/a?q=x'", ListLinks.jsString("/a?q=x"));
        assertEquals("'\\' + alert(1) + \\''", ListLinks.jsString("' + alert(1) + '"));
        assertEquals("'\\x3C/script>'", ListLinks.jsString("</script>"));
        assertEquals("'a\\\\b'", ListLinks.jsString("a\\b"));
    }
}
