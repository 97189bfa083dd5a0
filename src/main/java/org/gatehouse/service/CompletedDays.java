package org.gatehouse.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gatehouse.persistence.DayRange;

/**
 * The dashboard's per-day counts of days that are over, kept for a few minutes and shared by every
 * reader of the same calendar: a finished day's count changes only when one of its rows is deleted
 * (or one is written with a back-dated time), so the chart need not count 29 days of rows on every
 * visit. Today is always counted afresh. Callers check that the reader may see the figure first.
 */
@ApplicationScoped
public class CompletedDays {

    /** How long a finished day's count is used before it is counted again. */
    static final long FRESH_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** Enough for every figure in a few hundred time zones; beyond it, stale entries go. */
    private static final int MAX_ENTRIES = 2_000;

    private record Known(Object counts, long readAt) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /**
     * The figure's counts of the given finished days, from memory while fresh, else from {@code read}.
     *
     * @param figure what is counted, e.g. the name of a view
     */
    @SuppressWarnings("unchecked")
    public <T> T counts(String figure, DayRange days, Supplier<T> read) {
        String key = figure + "|" + days.key();
        long now = System.nanoTime();
        Known entry = known.get(key);
        if (entry != null && now - entry.readAt() < FRESH_NANOS) {
            return (T) entry.counts();
        }
        T counts = read.get();
        if (known.size() >= MAX_ENTRIES) {
            known.values().removeIf(stale -> now - stale.readAt() >= FRESH_NANOS);
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
        }
        known.put(key, new Known(counts, now));
        return counts;
    }
}
