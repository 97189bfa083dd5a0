package org.gatehouse.web;

import static org.gatehouse.service.ThingsView.VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gatehouse.service.ListRequest;
import org.gatehouse.service.ThingsView;
import org.junit.jupiter.api.Test;

/** A list's state written as the query of its address, and read back. */
class ListUrlsTest {

    private static ListRequest request(String query) {
        ListRequest.Parsed parsed = ListUrls.parse(VIEW, query);
        assertTrue(parsed.notices().isEmpty(), parsed.notices().toString());
        return parsed.request();
    }

    @Test
    void theDefaultsAreTheEmptyQuery() {
        assertEquals("", ListUrls.query(ListRequest.defaults(VIEW)));
        assertEquals("", ListUrls.query(request("page=1&size=20&sort=-id")));
    }

    @Test
    void writesBackTheSameCanonicalQuery() {
        String query = "page=3&size=50&sort=-createdAt%2Cemail&q=smith&status=PAID&createdAt.from=2026-01-01"
                + "&createdAt.to=2026-02-01";
        ListRequest request = ThingsView.parse(
                        "page",
                        "3",
                        "size",
                        "50",
                        "sort",
                        "-createdAt,email",
                        "q",
                        "smith",
                        "status",
                        "PAID",
                        "createdAt.from",
                        "2026-01-01",
                        "createdAt.to",
                        "2026-02-01")
                .request();
        assertEquals(query, ListUrls.query(request));
        assertEquals(
                query,
                ListUrls.query(
                        request(
                                "status=paid&createdAt.to=2026-02-01&q=+smith+&sort=-createdAt,email&createdAt.from=2026-01-01&size=50&page=3")),
                "the other parameters in any order and form: one address; filters in the order they came");
    }

    @Test
    void aQueryReadsBackAsTheSameRequest() {
        ListRequest request = ThingsView.parse(
                        "page",
                        "2",
                        "sort",
                        "-createdAt",
                        "q",
                        "a&b = c",
                        "status",
                        "PAID",
                        "total",
                        "5",
                        "active",
                        "yes",
                        "tags",
                        "3")
                .request();
        ListRequest again =
                ListUrls.parse(request.view(), ListUrls.query(request)).request();
        assertEquals(request, again);
        assertEquals(ListUrls.query(request), ListUrls.query(again));
        assertEquals("a&b = c", again.search());
        assertEquals(2, again.page());
    }

    @Test
    void aPositionIsWrittenAfterThePage() {
        String cursor = ListRequest.defaults(VIEW).cursorOf(new ThingsView.Row(42L), 42L);
        assertNotNull(cursor);
        String query = "page=7&after=" + cursor + "&size=50";
        ListRequest next = request(query);
        assertEquals(query, ListUrls.query(next));
        assertEquals("page=6&before=" + cursor, ListUrls.query(request("before=" + cursor + "&page=6")));
        assertEquals("page=8&size=50", ListUrls.query(next.withPage(8)), "another page is found by its number");
    }

    @Test
    void removingOneFilterOrAllOfThemKeepsSortAndSizeAndStartsOver() {
        ListRequest request = ThingsView.parse(
                        "page",
                        "3",
                        "size",
                        "50",
                        "sort",
                        "email",
                        "q",
                        "smith",
                        "status",
                        "PAID",
                        "total.from",
                        "10",
                        "total.to",
                        "20")
                .request();
        assertEquals(
                "size=50&sort=email&q=smith&status=PAID&total.to=20", ListUrls.queryWithout(request, "total.from"));
        assertEquals("size=50&sort=email&status=PAID&total.from=10&total.to=20", ListUrls.queryWithout(request, "q"));
        assertEquals("size=50&sort=email", ListUrls.queryWithoutSearchAndFilters(request));
        assertEquals(
                "",
                ListUrls.queryWithoutSearchAndFilters(
                        ThingsView.parse("status", "PAID").request()));
    }

    @Test
    void filtersAreWrittenInTheOrderTheyCame() {
        ListRequest request = request("tags=4&total=2.50&createdAt.to=2026-02-01T10:00&email=a%26b");
        assertEquals(
                List.of(
                        Map.entry("tags", "4"),
                        Map.entry("total.from", "2.50"),
                        Map.entry("total.to", "2.50"),
                        Map.entry("createdAt.to", "2026-02-01T10:00"),
                        Map.entry("email", "a&b")),
                List.copyOf(ListUrls.filterParameters(request).entrySet()));
        assertEquals(
                "tags=4&total.from=2.50&total.to=2.50&createdAt.to=2026-02-01T10%3A00&email=a%26b",
                ListUrls.query(request));
    }

    @Test
    void badParametersComeBackAsNotices() {
        ListRequest.Parsed parsed = ListUrls.parse(VIEW, "page=x&status=LOST&=2&novalue");
        assertEquals(2, parsed.notices().size(), parsed.notices().toString());
        assertEquals("", ListUrls.query(parsed.request()));
    }
}
