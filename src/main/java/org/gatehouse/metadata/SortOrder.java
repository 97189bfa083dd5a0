package org.gatehouse.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One key of a sort, written {@code field} or {@code -field} in URLs. */
public record SortOrder(String property, boolean descending) {

    public static List<SortOrder> parseAll(String spec) {
        List<SortOrder> orders = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return orders;
        }
        for (String part : spec.split(",")) {
            String key = part.strip();
            if (key.isEmpty()) {
                continue;
            }
            boolean descending = key.startsWith("-");
            orders.add(new SortOrder(descending || key.startsWith("+") ? key.substring(1) : key, descending));
        }
        return orders;
    }

    public static String format(List<SortOrder> orders) {
        return orders.stream().map(SortOrder::toString).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + property;
    }
}
