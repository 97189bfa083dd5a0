package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
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

/** Positions of keyset paging: written from a row, read back from the URL, refused when they do not fit. */
class PageCursorTest {

    private static final PropertyDescriptor ID = property("id", PropertyKind.INTEGER, true);
    private static final PropertyDescriptor NAME = property("name", PropertyKind.TEXT, true);
    private static final PropertyDescriptor TOTAL = property("total", PropertyKind.DECIMAL, true);
    private static final PropertyDescriptor CREATED = property("createdAt", PropertyKind.DATE_TIME, true);
    private static final PropertyDescriptor NOTE = property("note", PropertyKind.TEXT, false);

    private static final AdminView<Thing> VIEW = new AdminView<>(
            Thing.class,
            "things",
            "Things",
            "Thing",
            "",
            "",
            Long.class,
            props(ID, NAME, TOTAL, CREATED, NOTE),
            List.of(NAME, TOTAL, CREATED, NOTE),
            List.of(),
            List.of(),
            List.of(),
            "name",
            List.of(new SortOrder("createdAt", true)),
            List.of(10, 20),
            true,
            true,
            true,
            List.<BulkAction<Thing>>of(),
            null,
            null,
            Map.of(),
            Map.of(),
            List.of(),
            StepUpRule.NONE);

    /** A row of the list. */
    public static final class Thing {
        private final String name;
        private final BigDecimal total;
        private final LocalDateTime createdAt;

        Thing(String name, BigDecimal total, LocalDateTime createdAt) {
            this.name = name;
            this.total = total;
            this.createdAt = createdAt;
        }

        public String getName() {
            return name;
        }

        public BigDecimal getTotal() {
            return total;
        }

        public LocalDateTime getCreatedAt() {
            return createdAt;
        }

        public String getNote() {
            return null;
        }
    }

    private static PropertyDescriptor property(String name, PropertyKind kind, boolean required) {
        return new PropertyDescriptor(
                name, name, kind, Object.class, required, 0, false, true, false, false, List.of(), null);
    }

    private static Map<String, PropertyDescriptor> props(PropertyDescriptor... properties) {
        Map<String, PropertyDescriptor> map = new LinkedHashMap<>();
        for (PropertyDescriptor p : properties) {
            map.put(p.name(), p);
        }
        return map;
    }

    /** The list a query describes, as the list page reads its address. */
    private static ListRequest.Parsed parsed(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return ListRequest.parse(VIEW, parameters);
    }

    private static ListRequest parse(String query) {
        return parsed(query).request();
    }

    @Test
    void aRowsPositionGoesIntoTheAddressAndComesBackTheSame() {
        ListRequest list = parse("sort=-total,name");
        Thing row = new Thing(
                "Zoë \u001f ~,|&= \"x\"", new BigDecimal("12.50"), LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000));
        String cursor = list.cursorOf(row, 42L);
        assertNotNull(cursor);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe: " + cursor);

        ListRequest.Parsed parsed = parsed("sort=-total,name&page=7&after=" + cursor);
        assertTrue(parsed.notices().isEmpty(), parsed.notices().toString());
        ListRequest next = parsed.request();
        assertEquals(7, next.page());
        assertTrue(next.cursor().after());
        assertEquals(
                List.of(new BigDecimal("12.50"), row.getName(), 42L),
                next.cursor().values());
        assertEquals(cursor, next.cursorText(), "written back as it came");

        ListRequest previous = parse("before=" + cursor + "&page=6&sort=-total,name");
        assertFalse(previous.cursor().after());
        assertEquals(6, previous.page());
    }

    @Test
    void dateTimesKeepTheirFractionOfASecond() {
        ListRequest list = parse("");
        LocalDateTime created = LocalDateTime.of(2026, 11, 26, 8, 0, 0, 123_456_000);
        ListRequest next = parse("page=2&after=" + list.cursorOf(new Thing("a", BigDecimal.ONE, created), 9L));
        assertEquals(List.of(created, 9L), next.cursor().values());
    }

    @Test
    void anyChangeOfPageSizeOrSortDropsThePosition() {
        String cursor = parse("").cursorOf(new Thing("a", BigDecimal.ONE, LocalDateTime.now()), 1L);
        ListRequest list = parse("page=2&after=" + cursor);
        assertNotNull(list.withPage(2).cursor(), "the same page keeps its position");
        assertNull(list.withPage(3).cursor());
        assertNotNull(list.cursor(), "the request it came from is unchanged");
        assertNull(list.withSize(10).cursor());
        assertNotNull(list.withSize(20).cursor(), "the same size keeps it");
        assertNull(list.withSort("name").cursor());
        assertNotNull(list.withSort("-createdAt").cursor(), "the same order keeps it");
        assertEquals(1, list.clampedTo(15).page());
        assertNull(list.clampedTo(15).cursor());
        assertNull(parsed("page=2&after=" + cursor).clampedTo(15).request().cursor());
    }

    @Test
    void positionsThatDoNotFitTheListArePagedByNumberWithANotice() {
        String fits = parse("").cursorOf(new Thing("a", BigDecimal.ONE, LocalDateTime.now()), 1L);
        String[] bad = {
            "",
            "%%%",
            "not-base64!",
            encode("-createdAt,2026-01-01T00%3A00"),
            encode("-createdAt,2026-01-01T00%3A00,1,2"),
            encode("-createdAt,yesterday,1"),
            encode("-createdAt,2026-01-01T00%3A00,one"),
            encode("-createdAt,99999-01-01T00%3A00,1"),
            encode("createdAt,2026-01-01T00%3A00,1"),
            encode("name,a%00b,1"),
            "A".repeat(5000)
        };
        for (String cursor : bad) {
            ListRequest.Parsed list =
                    parsed("page=4&after=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            assertNull(list.request().cursor(), cursor);
            assertEquals(4, list.request().page());
            assertEquals(cursor.isEmpty() ? 0 : 1, list.notices().size(), cursor + ": " + list.notices());
        }
        ListRequest.Parsed nul = parsed("sort=name&page=4&after=" + encode("name,a%00b,1"));
        assertNull(nul.request().cursor(), "a NUL in a text key");
        assertEquals(1, nul.notices().size());
        ListRequest.Parsed both = parsed("page=4&after=" + fits + "&before=" + fits);
        assertNull(both.request().cursor());
        assertEquals(1, both.notices().size());
        ListRequest otherSort = parse("page=4&sort=name&after=" + fits);
        assertNull(otherSort.cursor(), "a position written for another order");
    }

    @Test
    void listsSortedByAColumnThatMayBeEmptyPageByNumber() {
        ListRequest list = parse("sort=note");
        assertNull(list.cursorOf(new Thing("a", BigDecimal.ONE, LocalDateTime.now()), 1L));
        assertNull(parse("sort=note&page=2&after=" + encode("note,x,1")).cursor());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
