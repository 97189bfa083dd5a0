package org.gatehouse.metadata;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes entity properties the way JPA does with field access, so that entities need
 * no public getter or setter for what the admin shows or edits.
 */
public final class PropertyAccess {

    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private PropertyAccess() {
    }

    public static Object get(Object entity, String property) {
        try {
            return field(entity.getClass(), property).get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void set(Object entity, String property, Object value) {
        try {
            field(entity.getClass(), property).set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String property) {
        return FIELDS.computeIfAbsent(type.getName() + "#" + property, key -> {
            for (Class<?> current = type; current != null; current = current.getSuperclass()) {
                try {
                    Field field = current.getDeclaredField(property);
                    field.setAccessible(true);
                    return field;
                } catch (NoSuchFieldException e) {
                    // keep looking in the superclass
                }
            }
            throw new IllegalArgumentException(type.getName() + " has no property " + property);
        });
    }
}
