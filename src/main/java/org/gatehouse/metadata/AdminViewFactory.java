package org.gatehouse.metadata;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.metadata.BeanDescriptor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a short {@link AdminViewDeclaration} into a full {@link AdminView} using what the JPA
 * metamodel and Bean Validation already know. Unknown property names in a declaration fail fast
 * at start-up, naming the entity and the property. The attributes and their order come from
 * {@link EntityAttributes}, a property's kind from {@link PropertyKinds}, its limits from
 * {@link PropertyConstraints}, a relation's searchable text from {@link RelatedText}; the checks of
 * the declaration are {@link DeclarationChecks}.
 */
public final class AdminViewFactory {

    private static final List<String> TITLE_CANDIDATES = List.of("name", "email", "title", "label", "code", "sku");
    private static final int DEFAULT_COLUMN_COUNT = 8;

    private final Metamodel metamodel;
    private final Function<Class<?>, BeanDescriptor> constraints;
    private final Function<Class<?>, String> titleOfRelated;

    /**
     * @param titleOfRelated the title property of another entity, for labelling relations
     */
    public AdminViewFactory(
            Metamodel metamodel,
            Function<Class<?>, BeanDescriptor> constraints,
            Function<Class<?>, String> titleOfRelated) {
        this.metamodel = metamodel;
        this.constraints = constraints;
        this.titleOfRelated = titleOfRelated;
    }

    public <E> AdminView<E> build(AdminViewDeclaration<E> declaration) {
        EntityType<E> entity = metamodel.entity(declaration.type);
        BeanDescriptor beanConstraints = constraints.apply(declaration.type);
        String title = titleProperty(declaration, entity);
        String id = EntityAttributes.idName(entity);

        // in declaration order: the details page lists the fields as the entity declares them
        Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
        for (Attribute<? super E, ?> attribute : EntityAttributes.ordered(entity)) {
            if (!declaration.excluded.contains(attribute.getName())) {
                properties.put(attribute.getName(), describe(declaration, attribute, beanConstraints, id));
            }
        }
        DeclarationChecks.names(declaration, properties);
        List<PropertyDescriptor> searchable = declaration.searchable.stream()
                .map(name -> name.contains(".")
                        ? RelatedText.describe(metamodel, declaration, properties, name)
                        : properties.get(name))
                .toList();
        DeclarationChecks.searchable(declaration, searchable);

        List<PropertyDescriptor> columns = declaration.columns.isEmpty()
                ? properties.values().stream()
                        .filter(p -> p.kind() != PropertyKind.TO_MANY)
                        .limit(DEFAULT_COLUMN_COUNT)
                        .toList()
                : declaration.columns.stream().map(properties::get).toList();
        List<PropertyDescriptor> formFields = declaration.formFields.isEmpty()
                ? properties.values().stream().filter(p -> !p.name().equals(id)).toList()
                : declaration.formFields.stream().map(properties::get).toList();
        List<SortOrder> defaultSort = SortOrder.parseAll(declaration.defaultSort).stream()
                .map(order -> order.property().equals("id") ? new SortOrder(id, order.descending()) : order)
                .toList();
        DeclarationChecks.defaultSort(declaration, properties, defaultSort);
        return new AdminView<>(
                declaration.type,
                declaration.name,
                declaration.label,
                declaration.singularLabel,
                declaration.icon,
                declaration.category,
                entity.getIdType().getJavaType(),
                // Map.copyOf would shuffle the fields the details page lists
                Collections.unmodifiableMap(new LinkedHashMap<>(properties)),
                columns,
                formFields,
                searchable,
                declaration.filters.stream().map(properties::get).toList(),
                title,
                defaultSort,
                List.copyOf(declaration.pageSizes),
                declaration.creatable,
                declaration.editable,
                declaration.deletable,
                List.copyOf(declaration.actions),
                declaration.passwordProperty,
                declaration.secretWriter,
                Map.copyOf(declaration.permissions),
                Map.copyOf(declaration.actionPermissions),
                List.copyOf(declaration.tabs),
                new StepUpRule(declaration.stepUpOperations, declaration.stepUpProperties),
                declaration.createdProperty,
                DeclarationChecks.roleRules(metamodel, declaration, entity, properties.keySet(), title),
                declaration.listsOtherViews);
    }

    /** The title property a declaration would get, without building the whole view. */
    public static String titleProperty(AdminViewDeclaration<?> declaration, EntityType<?> entity) {
        if (declaration.titleProperty != null) {
            return declaration.titleProperty;
        }
        return TITLE_CANDIDATES.stream()
                .filter(candidate -> entity.getAttributes().stream()
                        .anyMatch(a -> a.getName().equals(candidate)))
                .filter(candidate -> !declaration.excluded.contains(candidate))
                .findFirst()
                .orElse(EntityAttributes.idName(entity));
    }

    private <E> PropertyDescriptor describe(
            AdminViewDeclaration<E> declaration, Attribute<? super E, ?> attribute, BeanDescriptor bean, String id) {
        String name = attribute.getName();
        Class<?> javaType = attribute instanceof PluralAttribute<?, ?, ?> plural
                ? plural.getElementType().getJavaType()
                : attribute.getJavaType();
        PropertyConstraints constraints = new PropertyConstraints(bean, declaration.type, name);
        int maxLength = constraints.maxLength();
        PropertyKind kind = PropertyKinds.of(attribute.getPersistentAttributeType(), javaType, maxLength);
        boolean optional = !(attribute instanceof SingularAttribute<?, ?> singular) || singular.isOptional();
        boolean required = !javaType.isPrimitive() && (!optional || constraints.demandsValue());
        List<String> choices = kind == PropertyKind.ENUM
                ? Arrays.stream(javaType.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .toList()
                : List.of();
        return new PropertyDescriptor(
                name,
                declaration.labels.getOrDefault(name, humanize(name)),
                kind,
                javaType,
                required,
                maxLength,
                name.equals(id) || declaration.readOnly.contains(name),
                kind != PropertyKind.TO_MANY && !declaration.unsortable.contains(name),
                declaration.searchable.contains(name),
                declaration.filters.contains(name),
                choices,
                kind.isRelation() ? titleOfRelated.apply(javaType) : null);
    }

    /** {@code createdAt} becomes "Created at". */
    public static String humanize(String property) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (i == 0) {
                words.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }
}
