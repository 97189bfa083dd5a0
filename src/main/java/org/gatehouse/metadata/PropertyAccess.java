package org.gatehouse.metadata;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes entity properties through their accessor methods when the entity has them
 * (public or not), and through the field otherwise. Accessors matter: the JPA provider weaves
 * lazy loading and change tracking into them, so a lazy relation read through the bare field
 * would look empty.
 */
public final class PropertyAccess {

    private record Accessors(AccessibleObject getter, AccessibleObject setter) {}

    private static final Map<String, Accessors> CACHE = new ConcurrentHashMap<>();

    private PropertyAccess() {}

    public static Object get(Object entity, String property) {
        AccessibleObject getter = accessors(entity.getClass(), property).getter();
        try {
            return getter instanceof Method method ? method.invoke(entity) : ((Field) getter).get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public static void set(Object entity, String property, Object value) {
        AccessibleObject setter = accessors(entity.getClass(), property).setter();
        try {
            if (setter instanceof Method method) {
                method.invoke(entity, value);
            } else {
                ((Field) setter).set(entity, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Accessors accessors(Class<?> type, String property) {
        return CACHE.computeIfAbsent(type.getName() + "#" + property, key -> {
            Field field = field(type, property);
            String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
            Method getter = method(type, "get" + suffix);
            if (getter == null && (field.getType() == boolean.class || field.getType() == Boolean.class)) {
                getter = method(type, "is" + suffix);
            }
            Method setter = method(type, "set" + suffix, field.getType());
            return new Accessors(getter != null ? getter : field, setter != null ? setter : field);
        });
    }

    private static Field field(Class<?> type, String property) {
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
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                Method method = current.getDeclaredMethod(name, parameters);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException e) {
                // keep looking in the superclass
            }
        }
        return null;
    }
}
