package org.gatehouse.metadata;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attributes of an entity as a view lists them. The metamodel's sets have no order, so the
 * fields' declaration order (superclass first) gives it: the details page and the default columns
 * then read the same from one start to the next.
 */
final class EntityAttributes {

    private EntityAttributes() {}

    /** The id first, then the attributes in field declaration order; the version is no property of a view. */
    static <E> List<Attribute<? super E, ?>> ordered(EntityType<E> entity) {
        List<String> fieldOrder = new ArrayList<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> current = entity.getJavaType();
                current != null && current != Object.class;
                current = current.getSuperclass()) {
            hierarchy.add(0, current);
        }
        for (Class<?> current : hierarchy) {
            Arrays.stream(current.getDeclaredFields()).map(Field::getName).forEach(fieldOrder::add);
        }
        String id = idName(entity);
        List<Attribute<? super E, ?>> attributes = new ArrayList<>(entity.getAttributes());
        attributes.removeIf(EntityAttributes::isVersion);
        attributes.sort((a, b) -> {
            if (a.getName().equals(id) != b.getName().equals(id)) {
                return a.getName().equals(id) ? -1 : 1;
            }
            return Integer.compare(indexOf(fieldOrder, a.getName()), indexOf(fieldOrder, b.getName()));
        });
        return attributes;
    }

    static String idName(EntityType<?> entity) {
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static int indexOf(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static boolean isVersion(Attribute<?, ?> attribute) {
        return attribute instanceof SingularAttribute<?, ?> singular && singular.isVersion();
    }
}
