package org.gatehouse.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disposable products for tests that delete rows, and the products list's bulk delete as
 * PrimeFaces posts it, so that each test sends exactly what the page would.
 */
public final class ProductRows {

    private static final Pattern ROW_KEY = Pattern.compile("data-rk=\"(\\d+)\\.(\\d+)\"");

    private ProductRows() {}

    /** Inserts products {@code first}, {@code first + 1}, … with SKUs {@code prefix + id}; returns their ids. */
    public static List<Long> insert(TestDatabase database, long first, String prefix, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                long id = first + i;
                statement.execute("insert into products (id, sku, name, price, stock, active, version) values (" + id
                        + ", '" + prefix + id + "', 'Disposable', 1.00, 0, true, 0)");
                ids.add(id);
            }
        }
        return ids;
    }

    /** How many of these products still exist. */
    public static long existing(TestDatabase database, List<Long> ids) throws Exception {
        return count(
                database,
                "select count(*) from products where id in ("
                        + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
    }

    public static long count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The row keys ({@code id.version}) of a list page, in order. */
    public static List<String> rowKeys(String html) {
        List<String> keys = new ArrayList<>();
        Matcher key = ROW_KEY.matcher(html);
        while (key.find()) {
            keys.add(key.group(1) + "." + key.group(2));
        }
        return keys;
    }

    /** The list's confirmed bulk delete as PrimeFaces posts it; a null token leaves the session's own. */
    public static Map<String, String> bulkDelete(List<String> keys, String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("list", "list");
        form.put("list:table_selection", String.join(",", keys));
        form.put("list:confirmDeleteSelected", "");
        form.put("jakarta.faces.source", "list:confirmDeleteSelected");
        form.put("jakarta.faces.partial.execute", "list:confirmDeleteSelected list:table");
        form.put("jakarta.faces.partial.render", "list:table list:notices");
        if (token != null) {
            form.put("gatehouse.token", token);
        }
        return form;
    }
}
