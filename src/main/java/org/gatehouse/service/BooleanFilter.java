package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;

/** Yes or no: {@code true}, {@code yes}, {@code 1} or {@code false}, {@code no}, {@code 0} in any case. */
public record BooleanFilter(PropertyDescriptor property, Boolean flag) implements Filter {

    static BooleanFilter read(PropertyDescriptor property, String key, String bound, String value) {
        FilterRefused.requireNoBound(key, bound);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> new BooleanFilter(property, Boolean.TRUE);
            case "false", "no", "0" -> new BooleanFilter(property, Boolean.FALSE);
            default -> throw FilterRefused.notExpected("list.notice.notBoolean", key, value);
        };
    }

    @Override
    public Object value() {
        return flag;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(name(), flag.toString());
    }

    @Override
    public List<Predicate> predicates(FilterQuery query) {
        return List.of(query.cb().equal(query.root().get(name()), flag));
    }
}
