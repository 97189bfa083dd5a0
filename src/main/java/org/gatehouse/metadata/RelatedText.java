package org.gatehouse.metadata;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text attribute of a related record, searchable as {@code customer.email}: the list search
 * then also finds orders by their customer's email.
 */
final class RelatedText {

    private RelatedText() {}

    /**
     * @param path a to-one relation of the view and an attribute of its target, joined by a dot
     */
    static PropertyDescriptor describe(
            Metamodel metamodel,
            AdminViewDeclaration<?> declaration,
            Map<String, PropertyDescriptor> properties,
            String path) {
        String[] parts = path.split("\\.");
        PropertyDescriptor relation = properties.get(parts[0]);
        if (parts.length != 2 || relation == null || relation.kind() != PropertyKind.TO_ONE) {
            throw new IllegalStateException("Admin view '" + declaration.name + "': searchable '" + path
                    + "' must be a to-one relation followed by one of its text attributes");
        }
        EntityType<?> target = metamodel.entity(relation.javaType());
        Attribute<?, ?> attribute = target.getAttributes().stream()
                .filter(a -> a.getName().equals(parts[1]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Admin view '" + declaration.name + "': "
                        + relation.javaType().getSimpleName() + " has no property '" + parts[1] + "'"));
        PropertyKind kind = attribute.getJavaType() == String.class ? PropertyKind.TEXT : PropertyKind.INTEGER;
        return new PropertyDescriptor(
                path,
                declaration.labels.getOrDefault(path, label(parts[0], parts[1])),
                kind,
                attribute.getJavaType(),
                false,
                0,
                true,
                false,
                true,
                false,
                List.of(),
                null);
    }

    /**
     * "Customer email" for {@code customer.email}. Built from the names: the relation's own label
     * may be a bundle key, which a word cannot be added to.
     */
    static String label(String relation, String attribute) {
        return AdminViewFactory.humanize(relation) + " "
                + AdminViewFactory.humanize(attribute).toLowerCase(Locale.ROOT);
    }
}
