package org.gatehouse.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PlainText;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.SortOrder;

/**
 * Reads a {@link ListRequest} from URL parameters: {@code page} (1-based), {@code size},
 * {@code sort} ({@code -field} for descending, comma-separated), {@code q} (global search), one
 * parameter per filter ({@code status=SHIPPED}, {@code createdAt.from=2026-01-01}, see
 * {@link Filter}) and {@code after=…} or {@code before=…} for a page reached by Next or Previous.
 * Bad parameters never fail the page: each is dropped with a notice.
 */
final class ListRequestParser {

    private final AdminView<?> view;
    private final List<Message> notices = new ArrayList<>();
    private int page = 1;
    private int size;
    private List<SortOrder> sort;
    private String search;
    private final Map<String, Filter> filters = new LinkedHashMap<>();

    ListRequestParser(AdminView<?> view) {
        this.view = view;
        this.size = view.defaultPageSize();
        this.sort = view.defaultSort();
    }

    ListRequest.Parsed parse(Map<String, String> parameters) {
        Map<String, String> positions = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (PlainText.hasForbiddenCharacters(key, false) || PlainText.hasForbiddenCharacters(value, false)) {
                // never echo such a value back: a notice names the parameter only when it is printable
                notices.add(
                        PlainText.hasForbiddenCharacters(key, false)
                                ? Message.of("list.notice.controlParameter")
                                : Message.of("list.notice.controlValue", FilterRefused.shorten(key)));
                return;
            }
            String trimmed = value.strip();
            switch (key) {
                case "page" -> page(trimmed);
                case "size" -> size(trimmed);
                case "sort" -> sort = sort(view, trimmed, notices::add);
                case "q" -> search(trimmed);
                case "after", "before" -> positions.put(key, trimmed);
                default -> filter(key, trimmed);
            }
        });
        ListRequest request = new ListRequest(view, page, size, sort, search, filters, null);
        if (positions.size() > 1) {
            notices.add(Message.of("list.notice.twoPositions"));
        } else if (!positions.isEmpty()) {
            // after the sort is known: a position is one in the list's order
            Map.Entry<String, String> position = positions.entrySet().iterator().next();
            var sought =
                    request.seeking(page, position.getValue(), position.getKey().equals("after"));
            if (sought.isPresent()) {
                request = sought.get();
            } else {
                notices.add(Message.of("list.notice.position", page));
            }
        }
        return new ListRequest.Parsed(request, notices);
    }

    private void page(String value) {
        Integer number = parseInt(value);
        if (number == null || number < 1 || number > ListRequest.MAX_PAGE) {
            notices.add(Message.of("list.notice.page", FilterRefused.shorten(value)));
        } else {
            page = number;
        }
    }

    private void size(String value) {
        Integer number = parseInt(value);
        if (number == null || !view.pageSizes().contains(number)) {
            String sizes = String.join(
                    ", ", view.pageSizes().stream().map(String::valueOf).toList());
            notices.add(Message.of("list.notice.size", FilterRefused.shorten(value), sizes, size));
        } else {
            size = number;
        }
    }

    /** The orders of a sort parameter the table can show; unknown or unsortable keys are dropped with a notice. */
    static List<SortOrder> sort(AdminView<?> view, String spec, Consumer<Message> notices) {
        List<SortOrder> accepted = new ArrayList<>();
        for (SortOrder order : SortOrder.parseAll(spec)) {
            PropertyDescriptor property = view.properties().get(order.property());
            // only a sortable column of the table: the table can show no other order
            if (property == null || !property.sortable() || !view.columns().contains(property)) {
                notices.accept(Message.of("list.notice.sort", FilterRefused.shorten(order.property())));
            } else if (accepted.stream().noneMatch(o -> o.property().equals(order.property()))) {
                accepted.add(order);
            }
        }
        return accepted.isEmpty() ? view.defaultSort() : List.copyOf(accepted);
    }

    private void search(String text) {
        if (view.searchable().isEmpty()) {
            notices.add(Message.of("list.notice.noSearch"));
        } else {
            search = text.length() > ListRequest.MAX_SEARCH_LENGTH
                    ? text.substring(0, ListRequest.MAX_SEARCH_LENGTH)
                    : text;
        }
    }

    /** {@code status=PAID}, {@code total.from=10}: the property before the last dot, the bound after it. */
    private void filter(String key, String value) {
        int dot = key.lastIndexOf('.');
        String name = dot < 0 ? key : key.substring(0, dot);
        String bound = dot < 0 ? null : key.substring(dot + 1);
        PropertyDescriptor property = view.properties().get(name);
        try {
            if (property == null || !property.filterable()) {
                throw FilterRefused.unknown(key);
            }
            filters.put(name, Filter.read(property, key, bound, value, filters.get(name)));
        } catch (FilterRefused refused) {
            notices.add(refused.notice());
        }
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
