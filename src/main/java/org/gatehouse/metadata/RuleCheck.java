package org.gatehouse.metadata;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import java.util.Arrays;
import java.util.Set;

/**
 * Checks a role's rules for one view against its entity before they are used: from a declaration
 * at start-up, from configuration, and from the Permissions tab's editor. Messages are English,
 * for logs and for the editor, which shows them as they are.
 */
public final class RuleCheck {

    private RuleCheck() {}

    /**
     * @param properties the view's property names (hidden and read-only rules must name them)
     * @param title      the title property, which stays visible: every page names records by it
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ViewRules check(
            Metamodel metamodel,
            Class<?> type,
            Set<String> properties,
            String title,
            String scopeText,
            Set<String> hidden,
            Set<String> readOnly) {
        RowScope scope = RowScope.parse(scopeText);
        if (scope != null) {
            for (RowScope.Condition condition : scope.conditions()) {
                checkCondition(metamodel, type, condition);
            }
        }
        for (String name : hidden) {
            requireProperty(properties, name);
            if (name.equals(title)) {
                throw new IllegalArgumentException("'" + name + "' names the records and cannot be hidden");
            }
        }
        readOnly.forEach(name -> requireProperty(properties, name));
        return ViewRules.of(scope, hidden, readOnly);
    }

    private static void requireProperty(Set<String> properties, String name) {
        if (!properties.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a property of this view");
        }
    }

    private static void checkCondition(Metamodel metamodel, Class<?> type, RowScope.Condition condition) {
        String[] steps = condition.path().split("\\.");
        ManagedType<?> owner = metamodel.managedType(type);
        Attribute<?, ?> attribute = attribute(owner, steps[0], condition);
        if (steps.length == 2) {
            if (attribute.isCollection() || !attribute.isAssociation()) {
                throw new IllegalArgumentException("'" + steps[0] + "' is not a relation to one record");
            }
            attribute = attribute(metamodel.managedType(attribute.getJavaType()), steps[1], condition);
        }
        if (attribute.isCollection()) {
            throw new IllegalArgumentException(
                    "'" + condition.path() + "' holds several records; a scope compares one value");
        }
        Class<?> valueType = attribute.getJavaType();
        boolean relation = attribute.isAssociation();
        if (condition.userAttribute() != null) {
            boolean numeric = relation || Number.class.isAssignableFrom(boxed(valueType));
            if ("id".equals(condition.userAttribute()) != numeric) {
                throw new IllegalArgumentException(
                        "'" + condition.path() + "' cannot be compared with {user." + condition.userAttribute() + "}");
            }
            return;
        }
        String literal = condition.literal();
        if (relation || Number.class.isAssignableFrom(boxed(valueType))) {
            if (!literal.matches("-?[0-9]{1,18}")) {
                throw new IllegalArgumentException("'" + condition.path() + "' compares with a number");
            }
        } else if (boxed(valueType) == Boolean.class) {
            if (!literal.matches("true|false")) {
                throw new IllegalArgumentException("'" + condition.path() + "' compares with true or false");
            }
        } else if (valueType.isEnum()) {
            if (Arrays.stream(valueType.getEnumConstants())
                    .noneMatch(c -> ((Enum<?>) c).name().equals(literal))) {
                throw new IllegalArgumentException(
                        "'" + literal + "' is not one of " + Arrays.toString(valueType.getEnumConstants()));
            }
        } else if (valueType != String.class) {
            throw new IllegalArgumentException(
                    "'" + condition.path() + "' is neither text, a number, a choice nor a relation");
        }
    }

    private static Attribute<?, ?> attribute(ManagedType<?> owner, String name, RowScope.Condition condition) {
        try {
            return owner.getAttribute(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + condition.path() + "' is not a property", e);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == boolean.class
                ? Boolean.class
                : type == long.class
                        ? Long.class
                        : type == int.class
                                ? Integer.class
                                : type == short.class
                                        ? Short.class
                                        : type == double.class ? Double.class : Number.class;
    }
}
