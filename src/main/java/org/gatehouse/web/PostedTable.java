package org.gatehouse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.service.ListRequest;
import org.primefaces.model.SortMeta;

/**
 * What the list page's table posts back (PrimeFaces' parameters, named after the table's client
 * id and its columns' ids as the page sets them): a sort asked for by a click on a header, the
 * paging it sends, and the edge rows' positions the page keeps for Next and Previous.
 */
final class PostedTable {

    /** The table's client id. */
    static final String TABLE = "list:table";
    /** The panel with the page's edge-row positions, rendered after the table. */
    static final String POSITIONS = "list:positions";

    private final AdminView<?> view;
    private final Map<String, String> parameters;

    PostedTable(AdminView<?> view, Map<String, String> parameters) {
        this.view = view;
        this.parameters = parameters;
    }

    boolean isSortOrPaging() {
        return parameters.containsKey(TABLE + "_pagination") || parameters.containsKey(TABLE + "_sorting");
    }

    /**
     * The sort a click on a column header asks for (column keys and directions). The table of a
     * stateless page keeps no sort between requests: it takes its sort from the list state.
     */
    Optional<List<SortOrder>> sort() {
        if (!"true".equals(parameters.get(TABLE + "_sorting"))) {
            return Optional.empty();
        }
        String[] keys = parameters.getOrDefault(TABLE + "_sortKey", "").split(",");
        String[] directions = parameters.getOrDefault(TABLE + "_sortDir", "").split(",");
        List<SortOrder> orders = new ArrayList<>();
        for (int i = 0; i < keys.length && i < directions.length; i++) {
            String property = columnOf(keys[i]);
            boolean ascending = directions[i].equals("1");
            if (property != null && (ascending || directions[i].equals("-1"))) {
                orders.add(new SortOrder(property, !ascending));
            }
        }
        return Optional.of(orders);
    }

    /** The address's list state with the sort a header click asked for, if it did (from the first page). */
    ListRequest.Parsed sorted(ListRequest.Parsed parsed) {
        return sort().map(orders -> parsed.map(
                        list -> list.withSort(SortOrder.format(orders)).withPage(1)))
                .orElse(parsed);
    }

    /** A list state's sort as the table takes it. */
    static List<SortMeta> sortMeta(ListRequest request) {
        List<SortMeta> sort = new ArrayList<>();
        for (SortOrder order : request.sort()) {
            sort.add(SortMeta.builder()
                    .field(order.property())
                    .priority(sort.size())
                    .order(
                            order.descending()
                                    ? org.primefaces.model.SortOrder.DESCENDING
                                    : org.primefaces.model.SortOrder.ASCENDING)
                    .build());
        }
        return sort;
    }

    /** The property of a column key ({@code list:table:first}, {@code list:table:columns:2}). */
    private String columnOf(String key) {
        if (key.equals(TABLE + ":first")) {
            return view.columns().get(0).name();
        }
        String prefix = TABLE + ":columns:";
        if (key.startsWith(prefix) && key.substring(prefix.length()).matches("\\d{1,3}")) {
            int index = Integer.parseInt(key.substring(prefix.length())) + 1;
            return index < view.columns().size() ? view.columns().get(index).name() : null;
        }
        return null;
    }

    /** Whether the paging is what the table can send: one of the view's page sizes and an offset within reach. */
    boolean isPagingValid() {
        return isPaging(view, parameters.get(TABLE + "_rows"), parameters.get(TABLE + "_first"));
    }

    static boolean isPaging(AdminView<?> view, String rows, String first) {
        boolean rowsOk =
                rows == null || rows.matches("\\d{1,4}") && view.pageSizes().contains(Integer.valueOf(rows));
        boolean firstOk = first == null || first.matches("\\d{1,9}");
        return rowsOk && firstOk;
    }

    /** The positions of the first and last row of the page the postback came from. */
    EntityLazyModel.Positions positions() {
        return new EntityLazyModel.Positions(
                blankAsNull(parameters.get(EntityLazyModel.Positions.PREVIOUS)),
                blankAsNull(parameters.get(EntityLazyModel.Positions.NEXT)));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
