package org.gatehouse.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the generic pages and the generic service need to know about one registered
 * entity. Built once at start-up by {@link AdminViewFactory}; immutable.
 */
public record AdminView<E>(
        Class<E> type,
        String name,
        String label,
        String singularLabel,
        String icon,
        String category,
        Class<?> idType,
        Map<String, PropertyDescriptor> properties,
        List<PropertyDescriptor> columns,
        List<PropertyDescriptor> formFields,
        List<PropertyDescriptor> searchable,
        List<PropertyDescriptor> filters,
        String titleProperty,
        List<SortOrder> defaultSort,
        List<Integer> pageSizes,
        boolean creatable,
        boolean editable,
        boolean deletable,
        List<BulkAction<E>> actions,
        String passwordProperty) {

    public Optional<PropertyDescriptor> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public Optional<BulkAction<E>> action(String name) {
        return actions.stream().filter(action -> action.name().equals(name)).findFirst();
    }

    public int defaultPageSize() {
        return pageSizes.size() > 1 ? pageSizes.get(1) : pageSizes.get(0);
    }

    public int maxPageSize() {
        return pageSizes.stream().mapToInt(Integer::intValue).max().orElse(100);
    }
}
