package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.persistence.DayRange;
import org.junit.jupiter.api.Test;

/** Finished days are counted once for every reader of the same calendar, and again for other days or zones. */
class CompletedDaysTest {

    @Test
    void theSameFigureOfTheSameDaysIsCountedOnce() {
        CompletedDays completed = new CompletedDays();
        AtomicInteger reads = new AtomicInteger();
        DayRange utc =
                DayRange.lastDays(30, LocalDate.of(2026, 12, 3), ZoneOffset.UTC).earlier();
        assertEquals(1, completed.counts("created:orders", utc, reads::incrementAndGet));
        assertEquals(1, completed.counts("created:orders", utc, reads::incrementAndGet), "from memory");
        assertEquals(2, completed.counts("created:customers", utc, reads::incrementAndGet), "another figure");
        DayRange berlin = DayRange.lastDays(30, LocalDate.of(2026, 12, 3), ZoneId.of("Europe/Berlin"))
                .earlier();
        assertEquals(3, completed.counts("created:orders", berlin, reads::incrementAndGet), "another calendar");
        DayRange tomorrow =
                DayRange.lastDays(30, LocalDate.of(2026, 12, 4), ZoneOffset.UTC).earlier();
        assertEquals(4, completed.counts("created:orders", tomorrow, reads::incrementAndGet), "a day later");
        assertEquals(4, reads.get());
    }
}
