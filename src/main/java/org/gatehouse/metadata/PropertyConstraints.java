package org.gatehouse.metadata;

import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.reflect.Field;
import java.util.Set;

/**
 * What Bean Validation and the column mapping say about one property of an entity: whether a value
 * is demanded and how long a text may be. The form mirrors these so a person learns of a limit
 * before the service refuses the write.
 */
final class PropertyConstraints {

    private final Set<ConstraintDescriptor<?>> constraints;
    private final Field field;

    /**
     * @param bean the entity's constraints, null when Bean Validation knows none
     */
    PropertyConstraints(BeanDescriptor bean, Class<?> type, String property) {
        jakarta.validation.metadata.PropertyDescriptor descriptor =
                bean == null ? null : bean.getConstraintsForProperty(property);
        this.constraints = descriptor == null ? Set.of() : descriptor.getConstraintDescriptors();
        this.field = findField(type, property);
    }

    /** Whether a constraint demands a value ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}). */
    boolean demandsValue() {
        return constraints.stream()
                .map(c -> c.getAnnotation().annotationType())
                .anyMatch(t -> t == NotNull.class || t == NotBlank.class || t == NotEmpty.class);
    }

    /** From {@code @Size(max)}, else {@code @Lob} (unbounded) or the column length of a text; 0 when none says. */
    int maxLength() {
        for (ConstraintDescriptor<?> constraint : constraints) {
            if (constraint.getAnnotation() instanceof Size size && size.max() < Integer.MAX_VALUE) {
                return size.max();
            }
        }
        if (field != null && field.isAnnotationPresent(Lob.class)) {
            return Integer.MAX_VALUE;
        }
        if (field != null && field.getType() == String.class && field.isAnnotationPresent(Column.class)) {
            return field.getAnnotation(Column.class).length();
        }
        return 0;
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
