package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.metadata.StepUpRule;
import org.junit.jupiter.api.Test;

/** Reading list state from URL parameters and writing it back. */
class ListRequestTest {

    private static final PropertyDescriptor ID = property("id", PropertyKind.INTEGER, false, List.of());
    private static final PropertyDescriptor EMAIL = property("email", PropertyKind.TEXT, true, List.of());
    private static final PropertyDescriptor STATUS = property("status", PropertyKind.ENUM, true, List.of("NEW", "PAID"));
    private static final PropertyDescriptor ACTIVE = property("active", PropertyKind.BOOLEAN, true, List.of());
    private static final PropertyDescriptor TOTAL = property("total", PropertyKind.DECIMAL, true, List.of());
    private static final PropertyDescriptor CREATED = property("createdAt", PropertyKind.DATE_TIME, true, List.of());
    private static final PropertyDescriptor CUSTOMER = property("customer", PropertyKind.TO_ONE, true, List.of());

    private static final AdminView<Object> VIEW = new AdminView<>(Object.class, "things", "Things", "Thing", "", "",
            Long.class, props(ID, EMAIL, STATUS, ACTIVE, TOTAL, CREATED, CUSTOMER), List.of(ID, EMAIL, CREATED), List.of(),
            List.of(EMAIL), List.of(EMAIL, STATUS, ACTIVE, TOTAL, CREATED, CUSTOMER), "email",
            List.of(new SortOrder("id", true)), List.of(10, 20, 50), true, true, true, List.<BulkAction<Object>>of(),
            null, null, Map.of(), Map.of(), List.of(), StepUpRule.NONE);

    private static PropertyDescriptor property(String name, PropertyKind kind, boolean filterable, List<String> choices) {
        return new PropertyDescriptor(name, name, kind, Object.class, false, 0, false, true, false, filterable, choices,
                kind.isRelation() ? "name" : null);
    }

    private static Map<String, PropertyDescriptor> props(PropertyDescriptor... properties) {
        Map<String, PropertyDescriptor> map = new LinkedHashMap<>();
        for (PropertyDescriptor p : properties) {
            map.put(p.name(), p);
        }
        return map;
    }

    private static ListRequest parse(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return ListRequest.parse(VIEW, parameters);
    }

    @Test
    void refusesWhatWouldWrapOverflowOrCrashWithANotice() {
        for (String[] bad : new String[][] {{"sort", "status"}, {"q", "a\u0000b"}, {"email", "x\u001by"},
            {"total.from", "1e100000"}, {"total.to", "123456789012345678901"}, {"total.from", "0.00000000001"},
            {"createdAt.from", "+999999999-12-31T23:59:59"}, {"createdAt.to", "-0001-01-01"},
            {"createdAt.from", "0000-01-01"}, {"createdAt.from", "2026-02-30"}, {"page", "2147483647"},
            {"page", "-1"}, {"size", "7"}, {"customer", "9223372036854775808"}, {"q\u0000", "x"}}) {
            ListRequest request = parse(bad[0], bad[1]);
            assertEquals(1, request.notices().size(), bad[0] + "=" + bad[1] + ": " + request.notices());
            assertTrue(request.filters().isEmpty() && request.search() == null, "nothing of it applied: " + bad[0]);
            assertEquals(1, request.page());
            assertTrue(request.notices().get(0).toString().length() < 200, "a notice never echoes a huge value");
        }
        assertTrue(parse("createdAt.from", "0001-01-01").notices().isEmpty(), "the first year there is");
        assertTrue(parse("total.from", "-99999999.99").notices().isEmpty());
        assertTrue(parse("page", String.valueOf(ListRequest.MAX_PAGE)).notices().isEmpty());
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        ListRequest request = parse();
        assertEquals(1, request.page());
        assertEquals(20, request.size(), "the second page size is the default");
        assertEquals(List.of(new SortOrder("id", true)), request.sort());
        assertNull(request.search());
        assertTrue(request.notices().isEmpty());
        assertEquals("", request.toQueryString());
    }

    @Test
    void readsEveryKindOfParameter() {
        ListRequest request = parse("page", "3", "size", "50", "sort", "-createdAt,email", "q", " smith ",
                "status", "paid", "active", "false", "total.from", "10.5", "createdAt.from", "2026-01-01",
                "createdAt.to", "2026-02-01", "customer", "42", "email", "ex");
        assertTrue(request.notices().isEmpty(), request.notices().toString());
        assertEquals(3, request.page());
        assertEquals(100, request.offset());
        assertEquals(List.of(new SortOrder("createdAt", true), new SortOrder("email", false)), request.sort());
        assertEquals("smith", request.search());
        assertEquals("PAID", request.filters().get("status").equal());
        assertEquals(Boolean.FALSE, request.filters().get("active").equal());
        assertEquals(new BigDecimal("10.5"), request.filters().get("total").from());
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), request.filters().get("createdAt").from());
        assertEquals(LocalDateTime.of(2026, 2, 1, 23, 59, 59, 999_999_000), request.filters().get("createdAt").to(),
                "an upper date includes its whole day");
        assertEquals(42L, request.filters().get("customer").equal());
        assertEquals("ex", request.filters().get("email").equal());
    }

    @Test
    void writesBackTheSameCanonicalQuery() {
        String query = "page=3&size=50&sort=-createdAt%2Cemail&q=smith&status=PAID&createdAt.from=2026-01-01"
                + "&createdAt.to=2026-02-01";
        ListRequest request = parse("page", "3", "size", "50", "sort", "-createdAt,email", "q", "smith",
                "status", "PAID", "createdAt.from", "2026-01-01", "createdAt.to", "2026-02-01");
        assertEquals(query, request.toQueryString());
    }

    @Test
    void aQueryStringReadsBackAsTheSameRequest() {
        ListRequest request = parse("page", "2", "sort", "-createdAt", "q", "a&b = c", "status", "PAID");
        ListRequest again = ListRequest.fromQueryString(request.view(), request.toQueryString());
        assertEquals(request.toQueryString(), again.toQueryString());
        assertEquals("a&b = c", again.search());
        assertEquals(2, again.page());
    }

    @Test
    void badParametersAreDroppedWithANoticeEach() {
        ListRequest request = parse("page", "-2", "size", "100000", "sort", "shoeSize,-email", "status", "LOST",
                "active", "maybe", "total.from", "ten", "createdAt.to", "2026-13-45", "customer", "x", "nope", "1",
                "email.from", "a");
        assertEquals(1, request.page());
        assertEquals(20, request.size());
        assertEquals(List.of(new SortOrder("email", true)), request.sort(), "the valid part of the sort is kept");
        assertTrue(request.filters().isEmpty(), request.filters().toString());
        assertEquals(10, request.notices().size(), request.notices().toString());
    }

    @Test
    void aPageBeyondTheEndMovesToTheLastPage() {
        ListRequest request = parse("page", "99");
        request.clampPage(45);
        assertEquals(3, request.page());
        assertTrue(request.notices().get(0).toString().contains("beyond the end"));
        ListRequest empty = parse("page", "2");
        empty.clampPage(0);
        assertEquals(1, empty.page());
    }

    @Test
    void noticesAreMessagesInTheReadersLanguage() {
        ListRequest request = parse("size", "7", "status", "LOST");
        assertEquals(List.of("Page size '7' is not one of 10, 20, 50; showing 20 rows per page.",
                "Filter 'status': 'LOST' is not one of the listed values; that filter was ignored."),
                request.notices().stream().map(notice -> notice.text(java.util.Locale.ENGLISH)).toList());
        assertEquals("Die Seitengr\u00f6\u00dfe '7' ist keine von 10, 20, 50; es werden 20 Zeilen pro Seite angezeigt.",
                request.notices().get(0).text(java.util.Locale.GERMAN));
        assertEquals("Unknown filter 'x" + "y".repeat(39) + "...' was ignored.",
                parse("x" + "y".repeat(60), "1").notices().get(0).toString(), "a long name is shortened, in plain ASCII");
    }

    @Test
    void removingOneFilterOrAllOfThemKeepsSortAndSizeAndStartsOver() {
        ListRequest request = parse("page", "3", "size", "50", "sort", "email", "q", "smith", "status", "PAID",
                "total.from", "10", "total.to", "20");
        assertTrue(request.isNarrowed());
        assertEquals("size=50&sort=email&q=smith&status=PAID&total.to=20", request.toQueryStringWithout("total.from"));
        assertEquals("size=50&sort=email&status=PAID&total.from=10&total.to=20", request.toQueryStringWithout("q"));
        assertEquals("size=50&sort=email", request.toQueryStringWithoutSearchAndFilters());
        assertEquals("", parse("status", "PAID").toQueryStringWithoutSearchAndFilters());
        assertTrue(!parse("page", "2").isNarrowed());
    }

    @Test
    void searchIsCappedAndEscapedForLike() {
        ListRequest request = parse("q", "x".repeat(500));
        assertEquals(ListRequest.MAX_SEARCH_LENGTH, request.search().length());
        assertEquals("100\\%\\_a\\\\b", EntityQuery.escapeLike("100%_a\\b"));
    }
}
