package org.gatehouse.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.metadata.StepUpRule;

/** A view with a property of every kind, for tests of list state: page sizes 10, 20, 50; newest id first. */
public final class ThingsView {

    /** Required, so that the default order (newest id first) can be paged by position. */
    public static final PropertyDescriptor ID = new PropertyDescriptor(
            "id", "id", PropertyKind.INTEGER, Long.class, true, 0, false, true, false, false, List.of(), null);

    public static final PropertyDescriptor EMAIL = property("email", PropertyKind.TEXT, String.class, true, List.of());
    public static final PropertyDescriptor NOTE =
            property("note", PropertyKind.LONG_TEXT, String.class, true, List.of());
    public static final PropertyDescriptor STATUS =
            property("status", PropertyKind.ENUM, Object.class, true, List.of("NEW", "PAID"));
    public static final PropertyDescriptor ACTIVE =
            property("active", PropertyKind.BOOLEAN, Boolean.class, true, List.of());
    public static final PropertyDescriptor QUANTITY =
            property("quantity", PropertyKind.INTEGER, Integer.class, true, List.of());
    public static final PropertyDescriptor TOTAL =
            property("total", PropertyKind.DECIMAL, Object.class, true, List.of());
    public static final PropertyDescriptor BORN = property("born", PropertyKind.DATE, Object.class, true, List.of());
    public static final PropertyDescriptor CREATED =
            property("createdAt", PropertyKind.DATE_TIME, Object.class, true, List.of());
    public static final PropertyDescriptor CUSTOMER =
            property("customer", PropertyKind.TO_ONE, Object.class, true, List.of());
    public static final PropertyDescriptor TAGS = property("tags", PropertyKind.TO_MANY, Object.class, true, List.of());
    public static final PropertyDescriptor SECRET =
            property("secret", PropertyKind.TEXT, String.class, false, List.of());

    public static final AdminView<Object> VIEW = new AdminView<>(
            Object.class,
            "things",
            "Things",
            "Thing",
            "",
            "",
            Long.class,
            props(ID, EMAIL, NOTE, STATUS, ACTIVE, QUANTITY, TOTAL, BORN, CREATED, CUSTOMER, TAGS, SECRET),
            List.of(ID, EMAIL, CREATED),
            List.of(),
            List.of(EMAIL),
            List.of(EMAIL, NOTE, STATUS, ACTIVE, QUANTITY, TOTAL, BORN, CREATED, CUSTOMER, TAGS),
            "email",
            List.of(new SortOrder("id", true)),
            List.of(10, 20, 50),
            true,
            true,
            true,
            List.<BulkAction<Object>>of(),
            null,
            null,
            Map.of(),
            Map.of(),
            List.of(),
            StepUpRule.NONE);

    private ThingsView() {}

    /** A row of the list. */
    public static final class Row {
        private final Long id;

        public Row(Long id) {
            this.id = id;
        }

        public Long getId() {
            return id;
        }
    }

    private static PropertyDescriptor property(
            String name, PropertyKind kind, Class<?> type, boolean filterable, List<String> choices) {
        return new PropertyDescriptor(
                name,
                name,
                kind,
                type,
                false,
                0,
                false,
                true,
                false,
                filterable,
                choices,
                kind.isRelation() ? "name" : null);
    }

    private static Map<String, PropertyDescriptor> props(PropertyDescriptor... properties) {
        Map<String, PropertyDescriptor> map = new LinkedHashMap<>();
        for (PropertyDescriptor p : properties) {
            map.put(p.name(), p);
        }
        return map;
    }

    /** Parameters as key, value, key, value… in their order. */
    public static Map<String, String> parameters(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return parameters;
    }

    public static ListRequest.Parsed parse(String... keyValues) {
        return ListRequest.parse(VIEW, parameters(keyValues));
    }
}
