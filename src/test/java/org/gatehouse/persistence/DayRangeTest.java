package org.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.demo.Customer;
import org.junit.jupiter.api.Test;

/** Calendar days in the reader's zone, and counting rows per day in one query (on H2 here, PostgreSQL in the ITs). */
class DayRangeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void daysEndAtTodayAndFollowTheZonesCalendarAcrossTheClockChange() {
        // 2026-10-25 has 25 hours in Berlin: summer time ends
        DayRange range = DayRange.lastDays(3, LocalDate.of(2026, 10, 26), BERLIN);
        assertEquals(
                List.of(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26)),
                range.days());
        assertEquals(Instant.parse("2026-10-23T22:00:00Z"), range.start());
        assertEquals(Instant.parse("2026-10-26T23:00:00Z"), range.end());
        assertEquals(Duration.ofHours(73), Duration.between(range.start(), range.end()));
        assertThrows(IllegalArgumentException.class, () -> DayRange.lastDays(0, LocalDate.now(), BERLIN));
    }

    @Test
    void countsArePerDayOfTheZoneAndLeaveOutWhatLiesOutsideTheDays() {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                "metamodel-test",
                Map.of(
                        "jakarta.persistence.jdbc.url", "jdbc:h2:mem:dayrange;DB_CLOSE_DELAY=-1",
                        "jakarta.persistence.schema-generation.database.action", "create"));
        try {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            // Berlin days: the 24th starts at 22:00 UTC on the 23rd; the 26th ends at 23:00 UTC on the 26th
            List<String> moments = List.of(
                    "2026-10-23T21:59:59Z",
                    "2026-10-23T22:00:00Z",
                    "2026-10-24T12:00:00Z",
                    "2026-10-25T22:59:59Z",
                    "2026-10-26T00:00:00Z",
                    "2026-10-26T22:59:59Z",
                    "2026-10-26T23:00:00Z");
            for (int n = 0; n < moments.size(); n++) {
                Customer customer = new Customer();
                customer.setName("Customer " + n);
                customer.setEmail("c" + n + "@example.com");
                customer.setCreatedAt(OffsetDateTime.parse(moments.get(n)));
                em.persist(customer);
            }
            em.flush();

            DayRange range = DayRange.lastDays(3, LocalDate.of(2026, 10, 26), BERLIN);
            DayCounts counts = count(em, range);
            assertEquals(List.of(2L, 1L, 2L), counts.counts());
            assertEquals(5, counts.total());
            assertEquals(Optional.of(LocalDate.of(2026, 10, 26)), counts.busiestDay(), "the latest of equal peaks");

            DayCounts utc = count(em, DayRange.lastDays(2, LocalDate.of(2026, 10, 26), ZoneOffset.UTC));
            assertEquals(List.of(1L, 3L), utc.counts());

            DayCounts empty = count(em, DayRange.lastDays(5, LocalDate.of(2026, 1, 10), BERLIN));
            assertEquals(List.of(0L, 0L, 0L, 0L, 0L), empty.counts());
            assertEquals(Optional.empty(), empty.busiestDay());
            em.getTransaction().rollback();
            em.close();
        } finally {
            emf.close();
        }
    }

    private static DayCounts count(EntityManager em, DayRange range) {
        return range.counts(
                range.bind(
                                em.createQuery("select " + range.sumsPerDay("c.createdAt") + " from Customer c where "
                                        + range.within("c.createdAt")),
                                instant -> instant.atOffset(ZoneOffset.UTC))
                        .getSingleResult(),
                0);
    }

    @Test
    void theFinishedDaysAndTodayMakeTheWholeRangeAgain() {
        DayRange range = DayRange.lastDays(3, LocalDate.of(2026, 10, 26), BERLIN);
        DayRange earlier = range.earlier();
        DayRange today = range.latest();
        assertEquals(List.of(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25)), earlier.days());
        assertEquals(range.start(), earlier.start());
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), earlier.end());
        assertEquals(earlier.end(), today.start());
        assertEquals(range.end(), today.end());
        assertEquals("Europe/Berlin/2026-10-24/2", earlier.key());
        assertEquals(
                List.of(1L, 2L, 3L),
                new DayCounts(earlier.days(), List.of(1L, 2L))
                        .followedBy(new DayCounts(today.days(), List.of(3L)))
                        .counts());
        assertThrows(IllegalStateException.class, () -> today.earlier());
    }

    @Test
    void aSingleDayIsCountedToo() {
        DayRange range = DayRange.lastDays(1, LocalDate.of(2026, 10, 26), BERLIN);
        assertEquals("sum(case when c.at >= :day0 then 1 else 0 end)", range.sumsPerDay("c.at"));
        assertEquals("c.at >= :day0 and c.at < :dayEnd", range.within("c.at"));
        assertEquals(List.of(4L), range.counts(4L, 0).counts(), "one sum is the whole row");
        assertEquals(List.of(0L), range.counts(new Object[] {null}, 0).counts(), "a sum over no rows is NULL");
    }
}
