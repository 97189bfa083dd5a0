package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;

/** One constant of an enum property, named in any case ({@code status=paid} is {@code PAID}). */
public record ChoiceFilter(PropertyDescriptor property, String choice) implements Filter {

    static ChoiceFilter read(PropertyDescriptor property, String key, String bound, String value) {
        FilterRefused.requireNoBound(key, bound);
        for (String choice : property.choices()) {
            if (choice.equalsIgnoreCase(value)) {
                return new ChoiceFilter(property, choice);
            }
        }
        throw FilterRefused.notExpected("list.notice.notChoice", key, value);
    }

    @Override
    public Object value() {
        return choice;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(name(), choice);
    }

    @Override
    public List<Predicate> predicates(FilterQuery query) {
        return List.of(query.cb().equal(query.root().get(name()), constant()));
    }

    private Object constant() {
        for (Object constant : property.javaType().getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(choice)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(choice);
    }
}
