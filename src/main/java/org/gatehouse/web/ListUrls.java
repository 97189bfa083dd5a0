package org.gatehouse.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.service.ListRequest;

/**
 * A list's state as the query of its address, and back: the canonical query leaves out what is
 * the view's default, so the same list always has the same address ({@code page=3&size=50&sort=-createdAt&q=smith&status=PAID}).
 */
final class ListUrls {

    private ListUrls() {}

    /** The request a query describes, with notices about the parameters it ignored. */
    static ListRequest.Parsed parse(AdminView<?> view, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return ListRequest.parse(view, parameters);
    }

    /** The canonical query of this state, leaving out defaults. */
    static String query(ListRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (request.page() > 1) {
            parameters.put("page", Integer.toString(request.page()));
        }
        if (request.cursor() != null) {
            parameters.put(request.cursor().after() ? "after" : "before", request.cursorText());
        }
        parameters.putAll(viewParameters(request));
        if (request.search() != null) {
            parameters.put("q", request.search());
        }
        parameters.putAll(filterParameters(request));
        return encode(parameters);
    }

    /**
     * Where removing the search ({@code q}) or one filter parameter (such as {@code total.from})
     * leads: the same size, sort, search and filters without it, from the first page.
     */
    static String queryWithout(ListRequest request, String parameter) {
        Map<String, String> parameters = new LinkedHashMap<>(viewParameters(request));
        if (request.search() != null) {
            parameters.put("q", request.search());
        }
        parameters.putAll(filterParameters(request));
        parameters.remove(parameter);
        return encode(parameters);
    }

    /** The list with the same size and sort, without search and filters, from the first page. */
    static String queryWithoutSearchAndFilters(ListRequest request) {
        return encode(viewParameters(request));
    }

    /** The filters alone, as URL parameters. */
    static Map<String, String> filterParameters(ListRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.filters().values().forEach(filter -> parameters.putAll(filter.parameters()));
        return parameters;
    }

    /** Page size and sort, when they are not the view's defaults. */
    private static Map<String, String> viewParameters(ListRequest request) {
        AdminView<?> view = request.view();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (request.size() != view.defaultPageSize()) {
            parameters.put("size", Integer.toString(request.size()));
        }
        if (!request.sort().equals(view.defaultSort())) {
            parameters.put("sort", SortOrder.format(request.sort()));
        }
        return parameters;
    }

    private static String encode(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
