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
        String passwordProperty,
        SecretWriter<E> secretWriter,
        Map<Operation, java.util.Set<String>> permissions,
        Map<String, java.util.Set<String>> actionPermissions,
        List<DetailsTab> tabs,
        StepUpRule stepUp,
        String createdProperty,
        Map<String, ViewRules> roleRules,
        boolean listsOtherViews) {

    /** The role every operation falls back to. */
    public static final String DEFAULT_ROLE = "admin";

    /** A view that declares no property saying when its records were created (views built by hand, in tests). */
    public AdminView(
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
            String passwordProperty,
            SecretWriter<E> secretWriter,
            Map<Operation, java.util.Set<String>> permissions,
            Map<String, java.util.Set<String>> actionPermissions,
            List<DetailsTab> tabs,
            StepUpRule stepUp) {
        this(
                type,
                name,
                label,
                singularLabel,
                icon,
                category,
                idType,
                properties,
                columns,
                formFields,
                searchable,
                filters,
                titleProperty,
                defaultSort,
                pageSizes,
                creatable,
                editable,
                deletable,
                actions,
                passwordProperty,
                secretWriter,
                permissions,
                actionPermissions,
                tabs,
                stepUp,
                null,
                Map.of(),
                false);
    }

    /** The rules this view's declaration gives a role; none when it gives none. */
    public ViewRules rulesOf(String role) {
        return roleRules.getOrDefault(role, ViewRules.NONE);
    }

    /**
     * This view as a caller with the given rules sees it: hidden properties gone from every list
     * of properties (columns, form, search, filters, default order), read-only ones marked so.
     */
    public AdminView<E> narrowedBy(ViewRules rules) {
        if (rules.hidden().isEmpty() && rules.readOnly().isEmpty()) {
            return this;
        }
        java.util.function.Predicate<PropertyDescriptor> shown =
                p -> !rules.hidden().contains(p.name())
                        && !rules.hidden().contains(p.name().split("\\.")[0]);
        java.util.function.UnaryOperator<PropertyDescriptor> marked =
                p -> rules.readOnly().contains(p.name())
                        ? new PropertyDescriptor(
                                p.name(),
                                p.label(),
                                p.kind(),
                                p.javaType(),
                                p.required(),
                                p.maxLength(),
                                true,
                                p.sortable(),
                                p.searchable(),
                                p.filterable(),
                                p.choices(),
                                p.relatedLabel())
                        : p;
        Map<String, PropertyDescriptor> narrowed = new java.util.LinkedHashMap<>();
        properties.values().stream().filter(shown).map(marked).forEach(p -> narrowed.put(p.name(), p));
        java.util.function.Function<List<PropertyDescriptor>, List<PropertyDescriptor>> narrow =
                list -> list.stream().filter(shown).map(marked).toList();
        return new AdminView<>(
                type,
                name,
                label,
                singularLabel,
                icon,
                category,
                idType,
                java.util.Collections.unmodifiableMap(narrowed),
                narrow.apply(columns),
                narrow.apply(formFields),
                narrow.apply(searchable),
                narrow.apply(filters),
                titleProperty,
                defaultSort.stream()
                        .filter(order -> !rules.hidden().contains(order.property()))
                        .toList(),
                pageSizes,
                creatable,
                editable,
                deletable,
                actions,
                passwordProperty,
                secretWriter,
                permissions,
                actionPermissions,
                tabs,
                stepUp,
                createdProperty,
                roleRules,
                listsOtherViews);
    }

    /** Whether the view supports the operation at all: read-only views allow no writes. */
    public boolean capable(Operation operation) {
        return switch (operation) {
            case VIEW -> true;
            case CREATE -> creatable;
            case EDIT -> editable;
            case DELETE -> deletable;
        };
    }

    /**
     * Whether a caller with the given role test may perform the operation as the view declares it
     * (grants an admin stored for a role may change that: the service asks {@code AccessRules}).
     */
    public boolean allows(Operation operation, java.util.function.Predicate<String> callerInRole) {
        return capable(operation)
                && permissions.getOrDefault(operation, java.util.Set.of(DEFAULT_ROLE)).stream()
                        .anyMatch(callerInRole);
    }

    public boolean allowsAction(String action, java.util.function.Predicate<String> callerInRole) {
        return action(action).isPresent()
                && actionPermissions.getOrDefault(action, java.util.Set.of(DEFAULT_ROLE)).stream()
                        .anyMatch(callerInRole);
    }

    public java.util.Set<String> rolesFor(Operation operation) {
        return permissions.getOrDefault(operation, java.util.Set.of(DEFAULT_ROLE));
    }

    public java.util.Set<String> rolesForAction(String action) {
        return actionPermissions.getOrDefault(action, java.util.Set.of(DEFAULT_ROLE));
    }

    public Optional<PropertyDescriptor> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The date-time property that says when a record was created, if the view declares one. */
    public Optional<PropertyDescriptor> created() {
        return createdProperty == null ? Optional.empty() : property(createdProperty);
    }

    /** What the view adds to the writes of its records: its password, if it declares one; else nothing. */
    public WriteHook<E> writeHook() {
        return passwordProperty == null ? WriteHook.none() : new SecretField<>(passwordProperty, secretWriter);
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
