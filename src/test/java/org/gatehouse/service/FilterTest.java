package org.gatehouse.service;

import static org.gatehouse.service.ThingsView.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.ViewRules;
import org.junit.jupiter.api.Test;

/** Each kind of filter reading its URL value, at and past its limits, and writing it back. */
class FilterTest {

    /** The filter one parameter gives, failing when it gives a notice. */
    private static Filter read(String key, String value) {
        ListRequest.Parsed parsed = parse(key, value);
        assertTrue(parsed.notices().isEmpty(), key + "=" + value + ": " + parsed.notices());
        Filter filter = parsed.request().filters().values().iterator().next();
        assertEquals(1, parsed.request().filters().size());
        return filter;
    }

    /** The key of the one notice a parameter gives; it applies nothing. */
    private static String refused(String key, String value) {
        ListRequest.Parsed parsed = parse(key, value);
        assertTrue(parsed.request().filters().isEmpty(), key + "=" + value + " applied");
        assertEquals(1, parsed.notices().size(), key + "=" + value + ": " + parsed.notices());
        assertTrue(parsed.notices().get(0).toString().length() < 200, "never echoes a long value");
        return parsed.notices().get(0).key();
    }

    @Test
    void anEmptyValueIsNoFilterAndNoNotice() {
        for (String key : List.of(
                "email",
                "note",
                "status",
                "active",
                "quantity",
                "total.from",
                "born.to",
                "createdAt",
                "customer",
                "tags",
                "nope")) {
            for (String empty : new String[] {"", "   ", null}) {
                ListRequest.Parsed parsed =
                        ListRequest.parse(ThingsView.VIEW, java.util.Collections.singletonMap(key, empty));
                assertTrue(
                        parsed.request().filters().isEmpty() && parsed.notices().isEmpty(), key);
            }
        }
    }

    @Test
    void controlCharactersAreRefusedForEveryKindWithoutEchoingTheValue() {
        for (String key : List.of(
                "email",
                "note",
                "status",
                "active",
                "quantity",
                "total.from",
                "born.to",
                "createdAt",
                "customer",
                "tags")) {
            for (String value : List.of("a\u0000b", "1\u001b", "\uD800NEW", "x\ny")) {
                assertEquals("list.notice.controlValue", refused(key, value), key + " " + value);
                assertTrue(!parse(key, value).notices().get(0).toString().contains(value));
            }
        }
        assertEquals("list.notice.controlParameter", refused("status\u0007", "NEW"));
    }

    @Test
    void unknownHiddenAndUnfilterablePropertiesAreRefused() {
        assertEquals("list.notice.unknownFilter", refused("shoeSize", "42"));
        assertEquals("list.notice.unknownFilter", refused("secret", "x"), "a property the view offers no filter for");
        assertEquals("list.notice.unknownFilter", refused("id", "1"));
        assertEquals("list.notice.unknownFilter", refused("customer.name", "x"), "no paths through relations");
        AdminView<Object> narrowed =
                ThingsView.VIEW.narrowedBy(ViewRules.of(null, Set.of("total", "customer"), Set.of()));
        for (String key : List.of("total", "total.from", "customer")) {
            ListRequest.Parsed parsed = ListRequest.parse(narrowed, Map.of(key, "1"));
            assertTrue(parsed.request().filters().isEmpty(), "hidden from the caller: " + key);
            assertEquals("list.notice.unknownFilter", parsed.notices().get(0).key());
        }
        assertEquals("list.notice.unknownFilter", refused("t".repeat(5000), "1"));
    }

    @Test
    void textContainsAndIsCutWhenTooLong() {
        assertEquals(new TextFilter(ThingsView.EMAIL, "Ex"), read("email", " Ex "));
        assertEquals(200, ((TextFilter) read("email", "x".repeat(200))).text().length());
        assertEquals(200, ((TextFilter) read("note", "x".repeat(10_000))).text().length());
        assertEquals("'%; drop table", ((TextFilter) read("email", "'%; drop table")).text(), "escaped by the query");
        assertEquals("list.notice.unknownFilter", refused("email.from", "a"));
        assertEquals("list.notice.unknownFilter", refused("note.to", "a"));
    }

    @Test
    void booleansReadYesAndNoInAnyCase() {
        for (String yes : List.of("true", "TRUE", "yes", "Yes", "1")) {
            assertEquals(new BooleanFilter(ThingsView.ACTIVE, true), read("active", yes));
        }
        for (String no : List.of("false", "No", "0")) {
            assertEquals(new BooleanFilter(ThingsView.ACTIVE, false), read("active", no));
        }
        for (String bad : List.of("maybe", "2", "-1", "truefalse", "y".repeat(5000))) {
            assertEquals("list.notice.notBoolean", refused("active", bad));
        }
        assertEquals("list.notice.unknownFilter", refused("active.from", "true"));
    }

    @Test
    void choicesAreOneOfTheListedConstants() {
        assertEquals(new ChoiceFilter(ThingsView.STATUS, "PAID"), read("status", "paid"));
        assertEquals("NEW", read("status", "NEW").value());
        for (String bad : List.of("LOST", "PAID,NEW", "PAI", "P".repeat(5000))) {
            assertEquals("list.notice.notChoice", refused("status", bad));
        }
        assertEquals("list.notice.unknownFilter", refused("status.to", "NEW"));
    }

    @Test
    void wholeNumbersStayWithinTheirType() {
        assertEquals(new NumberRange(ThingsView.QUANTITY, 5L, 5L), read("quantity", "5"), "one number: from it to it");
        assertEquals(
                new NumberRange(ThingsView.QUANTITY, (long) Integer.MAX_VALUE, null),
                read("quantity.from", String.valueOf(Integer.MAX_VALUE)));
        assertEquals(
                new NumberRange(ThingsView.QUANTITY, null, (long) Integer.MIN_VALUE),
                read("quantity.to", String.valueOf(Integer.MIN_VALUE)));
        assertEquals("list.notice.outOfRange", refused("quantity.from", "2147483648"), "an int column");
        assertEquals("list.notice.outOfRange", refused("quantity.to", "-2147483649"));
        for (String bad : List.of("ten", "1.5", "1e3", "0x10", "9223372036854775808", "9".repeat(5000))) {
            assertEquals("list.notice.notWholeNumber", refused("quantity.from", bad), bad);
        }
        assertEquals("list.notice.unknownFilter", refused("quantity.max", "1"));
    }

    @Test
    void decimalsHaveAtMostEighteenDigitsBeforeAndTenAfterThePoint() {
        assertEquals(
                new NumberRange(ThingsView.TOTAL, new BigDecimal("999999999999999999.9999999999"), null),
                read("total.from", "999999999999999999.9999999999"));
        assertEquals(new NumberRange(ThingsView.TOTAL, null, new BigDecimal("-0.5")), read("total.to", "-0.5"));
        for (String bad : List.of("9999999999999999999", "0.00000000001", "1e19", "1".repeat(41))) {
            assertEquals("list.notice.outOfRange", refused("total.from", bad), bad);
        }
        for (String bad : List.of("ten", "1,5", "--1", "NaN", "Infinity")) {
            assertEquals("list.notice.notNumber", refused("total.to", bad), bad);
        }
    }

    @Test
    void rangesMergeTheirBoundsAndWriteThemBack() {
        ListRequest request = parse("total.from", "10", "total.to", "20.50").request();
        assertEquals(
                new NumberRange(ThingsView.TOTAL, new BigDecimal("10"), new BigDecimal("20.50")),
                request.filters().get("total"));
        assertEquals(
                Map.of("total.from", "10", "total.to", "20.50"),
                request.filters().get("total").parameters());
        assertEquals(
                List.of("total.from", "total.to"),
                List.copyOf(request.filters().get("total").parameters().keySet()));
        ListRequest replaced = parse("total.from", "10", "total", "7").request();
        assertEquals(
                new NumberRange(ThingsView.TOTAL, new BigDecimal("7"), new BigDecimal("7")),
                replaced.filters().get("total"),
                "a plain value is both bounds");
        assertEquals("1000", read("total.from", "1E+3").parameters().get("total.from"), "written without exponent");
    }

    @Test
    void datesHaveFourDigitYearsFromTheFirst() {
        assertEquals(new DateRange(ThingsView.BORN, LocalDate.of(1, 1, 1), null), read("born.from", "0001-01-01"));
        assertEquals(new DateRange(ThingsView.BORN, null, LocalDate.of(9999, 12, 31)), read("born.to", "9999-12-31"));
        assertEquals(
                new DateRange(ThingsView.BORN, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)),
                read("born", "2026-03-01"));
        assertEquals("list.notice.outOfRange", refused("born.from", "0000-12-31"));
        for (String bad : List.of(
                "2026-02-30",
                "2026-13-01",
                "26-01-01",
                "2026-1-1",
                "+12026-01-01",
                "-0001-01-01",
                "2026-01-01T10:00",
                "yesterday",
                "2".repeat(5000))) {
            assertEquals("list.notice.notDate", refused("born.from", bad), bad);
        }
        assertEquals("list.notice.unknownFilter", refused("born.since", "2026-01-01"));
    }

    @Test
    void momentsTakeADayOrATimeAndAnUpperDayCoversTheWholeDay() {
        LocalDateTime endOfDay = LocalDateTime.of(2026, 2, 1, 23, 59, 59, 999_999_000);
        assertEquals(
                new DateRange(ThingsView.CREATED, LocalDateTime.of(2026, 2, 1, 0, 0), endOfDay),
                read("createdAt", "2026-02-01"),
                "a day alone is that day");
        assertEquals(new DateRange(ThingsView.CREATED, null, endOfDay), read("createdAt.to", "2026-02-01"));
        assertEquals(
                new DateRange(ThingsView.CREATED, LocalDateTime.of(2026, 2, 1, 10, 30), null),
                read("createdAt.from", "2026-02-01T10:30"));
        assertEquals(
                new DateRange(ThingsView.CREATED, LocalDateTime.of(2026, 2, 1, 10, 30, 5, 123_456_789), null),
                read("createdAt.from", "2026-02-01T10:30:05.123456789"));
        assertEquals(
                Map.of("createdAt.from", "2026-02-01", "createdAt.to", "2026-02-01"),
                read("createdAt", "2026-02-01").parameters(),
                "written back as days");
        assertEquals(
                Map.of("createdAt.from", "2026-02-01T10:30"),
                read("createdAt.from", "2026-02-01T10:30").parameters());
        assertEquals("list.notice.outOfRange", refused("createdAt.from", "0000-01-01T00:00"));
        for (String bad : List.of(
                "2026-02-01T25:00",
                "2026-02-01T10:30:05.1234567891",
                "2026-02-01 10:30",
                "2026-02-01T10",
                "2026-02-01T10:30Z",
                "+999999999-12-31T23:59:59",
                "1".repeat(5000))) {
            assertEquals("list.notice.notDate", refused("createdAt.from", bad), bad);
        }
    }

    @Test
    void relationsTakeAnId() {
        assertEquals(new RelationFilter(ThingsView.CUSTOMER, 42L), read("customer", "42"));
        assertEquals(new MemberFilter(ThingsView.TAGS, 7L), read("tags", "7"));
        assertEquals(Map.of("tags", "7"), read("tags", "7").parameters());
        assertEquals(
                new RelationFilter(ThingsView.CUSTOMER, Long.MAX_VALUE),
                read("customer", String.valueOf(Long.MAX_VALUE)));
        for (String bad : List.of("x", "4.2", "9223372036854775808", "4".repeat(5000))) {
            assertEquals("list.notice.notWholeNumber", refused("customer", bad), bad);
            assertEquals("list.notice.notWholeNumber", refused("tags", bad), bad);
        }
        assertEquals("list.notice.unknownFilter", refused("customer.from", "1"));
        assertEquals("list.notice.unknownFilter", refused("tags.to", "1"));
    }

    @Test
    void everyFilterReadsBackFromWhatItWrites() {
        ListRequest request = parse(
                        "email",
                        "ex",
                        "note",
                        "n",
                        "status",
                        "paid",
                        "active",
                        "yes",
                        "quantity.from",
                        "1",
                        "total.to",
                        "2.5",
                        "born",
                        "2026-01-01",
                        "createdAt.from",
                        "2026-01-01T10:00",
                        "customer",
                        "3",
                        "tags",
                        "4")
                .request();
        assertEquals(10, request.filters().size());
        Map<String, String> written = new java.util.LinkedHashMap<>();
        request.filters().values().forEach(filter -> written.putAll(filter.parameters()));
        ListRequest.Parsed again = ListRequest.parse(ThingsView.VIEW, written);
        assertTrue(again.notices().isEmpty(), again.notices().toString());
        assertEquals(request.filters(), again.request().filters());
    }

    @Test
    void readingDirectlyRefusesWithTheNotice() {
        FilterRefused refused = assertThrows(
                FilterRefused.class, () -> Filter.read(ThingsView.TOTAL, "total.from", "from", "ten", null));
        assertEquals("list.notice.notNumber", refused.notice().key());
        assertEquals(
                new BigDecimal("3"),
                Filter.read(ThingsView.TOTAL, "total", null, "3", null).value());
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Filter.read(ThingsView.ACTIVE, "active", null, "maybe", null))
                        instanceof FilterRefused);
    }
}
