package org.gatehouse.persistence;

import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The last few calendar days in a reader's time zone (where a day may have 23 or 25 hours), and
 * how to count rows per day in one query on any database: the query keeps to the moments from the
 * first day's start to the end of today, which an index on the moment reads as one range, and
 * selects, for each day, how many of those rows lie at or after the day's start; neighbouring sums
 * differ by the day's count. No date function of a particular database, no time-zone arithmetic in
 * SQL, and the days are the reader's own.
 * <p>
 * The query is JPQL whose text depends only on the entity, the property and the number of days,
 * so the persistence provider parses and translates it once and then only binds the days.
 */
public final class DayRange {

    private final ZoneId zone;
    private final List<LocalDate> days;
    /** The start of each day, and after them the end of the last day. */
    private final List<Instant> bounds;

    private DayRange(ZoneId zone, List<LocalDate> days, List<Instant> bounds) {
        this.zone = zone;
        this.days = List.copyOf(days);
        this.bounds = List.copyOf(bounds);
    }

    /** {@code count} days up to and including {@code today}, in the given zone. */
    public static DayRange lastDays(int count, LocalDate today, ZoneId zone) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one day: " + count);
        }
        List<LocalDate> days = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        for (LocalDate day = today.minusDays(count - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
            bounds.add(day.atStartOfDay(zone).toInstant());
        }
        bounds.add(today.plusDays(1).atStartOfDay(zone).toInstant());
        return new DayRange(zone, days, bounds);
    }

    /** All days but the last: those that are over, when the last is today. */
    public DayRange earlier() {
        if (days.size() < 2) {
            throw new IllegalStateException("no day before " + days.get(0));
        }
        return new DayRange(zone, days.subList(0, days.size() - 1), bounds.subList(0, days.size()));
    }

    /** The last day alone. */
    public DayRange latest() {
        return new DayRange(
                zone, days.subList(days.size() - 1, days.size()), bounds.subList(days.size() - 1, days.size() + 1));
    }

    /** Names the days: the same text for the same days of the same calendar. */
    public String key() {
        return zone.getId() + "/" + days.get(0) + "/" + days.size();
    }

    public List<LocalDate> days() {
        return days;
    }

    public Instant start() {
        return bounds.get(0);
    }

    public Instant end() {
        return bounds.get(days.size());
    }

    /**
     * The select items, one per day in order: how many rows have {@code moment} (a JPQL path such
     * as {@code e.createdAt}) at or after the day's start. Read them back with {@link #counts}.
     */
    public String sumsPerDay(String moment) {
        StringBuilder sums = new StringBuilder();
        for (int day = 0; day < days.size(); day++) {
            sums.append(day == 0 ? "" : ", ")
                    .append("sum(case when ")
                    .append(moment)
                    .append(" >= :day")
                    .append(day)
                    .append(" then 1 else 0 end)");
        }
        return sums.toString();
    }

    /** The condition that keeps the query to the days: one range of an index on the moment. */
    public String within(String moment) {
        return moment + " >= :day0 and " + moment + " < :dayEnd";
    }

    /**
     * Binds the days' bounds to a query using {@link #sumsPerDay} and {@link #within};
     * {@code asAttribute} turns an instant into a value of the attribute's type (an
     * {@code OffsetDateTime}, say).
     */
    public <Q extends Query> Q bind(Q query, Function<Instant, ?> asAttribute) {
        for (int day = 0; day < days.size(); day++) {
            query.setParameter("day" + day, asAttribute.apply(bounds.get(day)));
        }
        query.setParameter("dayEnd", asAttribute.apply(end()));
        return query;
    }

    /**
     * The counts per day from a result row whose columns {@code from}, {@code from + 1}… hold those
     * sums (a query of a single day gives its one sum as the whole row).
     */
    public DayCounts counts(Object result, int from) {
        Object[] row = result instanceof Object[] columns ? columns : new Object[] {result};
        List<Long> counts = new ArrayList<>();
        for (int day = 0; day < days.size(); day++) {
            long atOrAfter = number(row[from + day]);
            long atOrAfterNext = day + 1 < days.size() ? number(row[from + day + 1]) : 0;
            counts.add(atOrAfter - atOrAfterNext);
        }
        return new DayCounts(days, counts);
    }

    /** Days without a single row. */
    public DayCounts none() {
        return new DayCounts(days, days.stream().map(day -> 0L).toList());
    }

    /** A sum over no rows is NULL in SQL. */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
