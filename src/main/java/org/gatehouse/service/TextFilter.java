package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;

/** Text containing the given text, in any case; a long text is cut to {@link ListRequest#MAX_SEARCH_LENGTH}. */
public record TextFilter(PropertyDescriptor property, String text) implements Filter {

    static TextFilter read(PropertyDescriptor property, String key, String bound, String value) {
        FilterRefused.requireNoBound(key, bound);
        int max = ListRequest.MAX_SEARCH_LENGTH;
        return new TextFilter(property, value.length() > max ? value.substring(0, max) : value);
    }

    @Override
    public Object value() {
        return text;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(name(), text);
    }

    @Override
    public List<Predicate> predicates(FilterQuery query) {
        String pattern = "%" + EntityQuery.escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return List.of(query.cb().like(query.cb().lower(query.root().get(name())), pattern, '\\'));
    }
}
