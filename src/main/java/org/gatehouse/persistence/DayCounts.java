package org.gatehouse.persistence;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** How many rows fell on each of a run of calendar days, oldest day first. */
public record DayCounts(List<LocalDate> days, List<Long> counts) implements Serializable {

    public DayCounts {
        if (days.size() != counts.size()) {
            throw new IllegalArgumentException(days.size() + " days but " + counts.size() + " counts");
        }
        days = List.copyOf(days);
        counts = List.copyOf(counts);
    }

    /** These days followed by the later ones. */
    public DayCounts followedBy(DayCounts later) {
        List<LocalDate> allDays = new java.util.ArrayList<>(days);
        allDays.addAll(later.days());
        List<Long> allCounts = new java.util.ArrayList<>(counts);
        allCounts.addAll(later.counts());
        return new DayCounts(allDays, allCounts);
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    public long max() {
        return counts.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The latest day with the most rows (the most recent of equal peaks); empty when there are none. */
    public java.util.Optional<LocalDate> busiestDay() {
        long max = max();
        if (max == 0) {
            return java.util.Optional.empty();
        }
        for (int day = days.size() - 1; day >= 0; day--) {
            if (counts.get(day) == max) {
                return java.util.Optional.of(days.get(day));
            }
        }
        return java.util.Optional.empty();
    }
}
