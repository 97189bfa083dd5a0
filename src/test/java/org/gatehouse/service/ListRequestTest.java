package org.gatehouse.service;

import static org.gatehouse.service.ThingsView.VIEW;
import static org.gatehouse.service.ThingsView.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.SortOrder;
import org.junit.jupiter.api.Test;

/** Reading list state from URL parameters, and deriving changed states from it. */
class ListRequestTest {

    private static ListRequest request(String... keyValues) {
        ListRequest.Parsed parsed = parse(keyValues);
        assertTrue(parsed.notices().isEmpty(), parsed.notices().toString());
        return parsed.request();
    }

    @Test
    void refusesWhatWouldWrapOverflowOrCrashWithANotice() {
        for (String[] bad : new String[][] {
            {"sort", "status"},
            {"q", "a\u0000b"},
            {"email", "x\u001by"},
            {"total.from", "1e100000"},
            {"total.to", "123456789012345678901"},
            {"total.from", "0.00000000001"},
            {"createdAt.from", "+999999999-12-31T23:59:59"},
            {"createdAt.to", "-0001-01-01"},
            {"createdAt.from", "0000-01-01"},
            {"createdAt.from", "2026-02-30"},
            {"page", "2147483647"},
            {"page", "-1"},
            {"size", "7"},
            {"customer", "9223372036854775808"},
            {"q\u0000", "x"}
        }) {
            ListRequest.Parsed parsed = parse(bad[0], bad[1]);
            assertEquals(1, parsed.notices().size(), bad[0] + "=" + bad[1] + ": " + parsed.notices());
            ListRequest request = parsed.request();
            assertTrue(request.filters().isEmpty() && request.search() == null, "nothing of it applied: " + bad[0]);
            assertEquals(1, request.page());
            assertTrue(parsed.notices().get(0).toString().length() < 200, "a notice never echoes a huge value");
        }
        assertTrue(parse("createdAt.from", "0001-01-01").notices().isEmpty(), "the first year there is");
        assertTrue(parse("total.from", "-99999999.99").notices().isEmpty());
        assertTrue(parse("page", String.valueOf(ListRequest.MAX_PAGE)).notices().isEmpty());
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        ListRequest.Parsed parsed = parse();
        ListRequest request = parsed.request();
        assertEquals(1, request.page());
        assertEquals(20, request.size(), "the second page size is the default");
        assertEquals(List.of(new SortOrder("id", true)), request.sort());
        assertNull(request.search());
        assertTrue(parsed.notices().isEmpty());
        assertEquals(ListRequest.defaults(VIEW), request);
        assertTrue(!request.isNarrowed());
    }

    @Test
    void readsEveryKindOfParameter() {
        ListRequest request = request(
                "page",
                "3",
                "size",
                "50",
                "sort",
                "-createdAt,email",
                "q",
                " smith ",
                "status",
                "paid",
                "active",
                "false",
                "total.from",
                "10.5",
                "createdAt.from",
                "2026-01-01",
                "createdAt.to",
                "2026-02-01",
                "customer",
                "42",
                "email",
                "ex");
        assertEquals(3, request.page());
        assertEquals(100, request.offset());
        assertEquals(List.of(new SortOrder("createdAt", true), new SortOrder("email", false)), request.sort());
        assertEquals("smith", request.search());
        assertEquals(
                new ChoiceFilter(ThingsView.STATUS, "PAID"), request.filters().get("status"));
        assertEquals(
                new BooleanFilter(ThingsView.ACTIVE, false), request.filters().get("active"));
        assertEquals(
                new NumberRange(ThingsView.TOTAL, new BigDecimal("10.5"), null),
                request.filters().get("total"));
        assertEquals(
                new DateRange(
                        ThingsView.CREATED,
                        LocalDateTime.of(2026, 1, 1, 0, 0),
                        LocalDateTime.of(2026, 2, 1, 23, 59, 59, 999_999_000)),
                request.filters().get("createdAt"),
                "an upper date includes its whole day");
        assertEquals(
                new RelationFilter(ThingsView.CUSTOMER, 42L), request.filters().get("customer"));
        assertEquals(new TextFilter(ThingsView.EMAIL, "ex"), request.filters().get("email"));
        assertEquals(
                List.of("status", "active", "total", "createdAt", "customer", "email"),
                List.copyOf(request.filters().keySet()),
                "in the order the URL named them");
        assertTrue(request.isNarrowed());
    }

    @Test
    void badParametersAreDroppedWithANoticeEach() {
        ListRequest.Parsed parsed = parse(
                "page",
                "-2",
                "size",
                "100000",
                "sort",
                "shoeSize,-email",
                "status",
                "LOST",
                "active",
                "maybe",
                "total.from",
                "ten",
                "createdAt.to",
                "2026-13-45",
                "customer",
                "x",
                "nope",
                "1",
                "email.from",
                "a");
        ListRequest request = parsed.request();
        assertEquals(1, request.page());
        assertEquals(20, request.size());
        assertEquals(List.of(new SortOrder("email", true)), request.sort(), "the valid part of the sort is kept");
        assertTrue(request.filters().isEmpty(), request.filters().toString());
        assertEquals(10, parsed.notices().size(), parsed.notices().toString());
    }

    @Test
    void aPageBeyondTheEndMovesToTheLastPage() {
        ListRequest.Parsed parsed = parse("page", "99").clampedTo(45);
        assertEquals(3, parsed.request().page());
        assertEquals(List.of(Message.of("list.notice.beyondEnd", 99, 3)), parsed.notices());
        assertTrue(parsed.notices().get(0).toString().contains("beyond the end"));
        assertEquals(1, parse("page", "2").clampedTo(0).request().page());
        ListRequest.Parsed within = parse("page", "3");
        assertSame(within, within.clampedTo(45), "a page within the list stays, without a notice");
        assertEquals(3, request("page", "99").clampedTo(45).page());
    }

    @Test
    void noticesAreMessagesInTheReadersLanguage() {
        ListRequest.Parsed parsed = parse("size", "7", "status", "LOST");
        assertEquals(
                List.of(
                        "Page size '7' is not one of 10, 20, 50; showing 20 rows per page.",
                        "Filter 'status': 'LOST' is not one of the listed values; that filter was ignored."),
                parsed.notices().stream()
                        .map(notice -> notice.text(java.util.Locale.ENGLISH))
                        .toList());
        assertEquals(
                "Die Seitengr\u00f6\u00dfe '7' ist keine von 10, 20, 50; es werden 20 Zeilen pro Seite angezeigt.",
                parsed.notices().get(0).text(java.util.Locale.GERMAN));
        assertEquals(
                "Unknown filter 'x" + "y".repeat(39) + "...' was ignored.",
                parse("x" + "y".repeat(60), "1").notices().get(0).toString(),
                "a long name is shortened, in plain ASCII");
    }

    @Test
    void aChangedStateIsANewRequestAndTheOldOneStaysAsItWas() {
        ListRequest request = request("page", "3", "size", "50", "status", "PAID");
        ListRequest second = request.withPage(2);
        assertEquals(3, request.page());
        assertEquals(2, second.page());
        assertEquals(request.filters(), second.filters());
        assertEquals(1, request.withPage(-5).page());
        assertEquals(ListRequest.MAX_PAGE, request.withPage(Integer.MAX_VALUE).page());
        assertSame(request, request.withPage(3));
        assertEquals(10, request.withSize(10).size());
        assertSame(request, request.withSize(7), "only the view's page sizes");
        assertEquals(
                List.of(new SortOrder("email", false)),
                request.withSort("email,shoeSize").sort());
        assertEquals(VIEW.defaultSort(), request.withSort("shoeSize").sort(), "nothing sortable: the default order");
        assertEquals(List.of(new SortOrder("id", true)), request.sort());
        assertThrows(
                UnsupportedOperationException.class, () -> request.filters().clear());
        assertThrows(UnsupportedOperationException.class, () -> request.sort().clear());
    }

    @Test
    void searchIsCappedAndEscapedForLike() {
        ListRequest request = request("q", "x".repeat(500));
        assertEquals(ListRequest.MAX_SEARCH_LENGTH, request.search().length());
        assertEquals("100\\%\\_a\\\\b", EntityQuery.escapeLike("100%_a\\b"));
    }
}
