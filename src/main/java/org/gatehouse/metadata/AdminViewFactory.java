package org.gatehouse.metadata;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns a short {@link AdminViewDeclaration} into a full {@link AdminView} using what the JPA
 * metamodel and Bean Validation already know. Unknown property names in a declaration fail fast
 * at start-up, naming the entity and the property.
 */
public final class AdminViewFactory {

    private static final List<String> TITLE_CANDIDATES = List.of("name", "email", "title", "label", "code", "sku");
    private static final int LONG_TEXT_THRESHOLD = 255;
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

        Map<String, org.gatehouse.metadata.PropertyDescriptor> properties = new LinkedHashMap<>();
        for (Attribute<? super E, ?> attribute : orderedAttributes(entity)) {
            String name = attribute.getName();
            if (declaration.excluded.contains(name) || isVersion(attribute)) {
                continue;
            }
            properties.put(name, describe(declaration, attribute, beanConstraints, entity, title));
        }
        checkKnown(declaration, properties.keySet(), "columns", declaration.columns);
        checkKnown(declaration, properties.keySet(), "formFields", declaration.formFields);
        checkKnown(
                declaration,
                properties.keySet(),
                "searchable",
                declaration.searchable.stream()
                        .filter(name -> !name.contains("."))
                        .toList());
        checkKnown(declaration, properties.keySet(), "filters", declaration.filters);
        checkKnown(declaration, properties.keySet(), "readOnly", declaration.readOnly);
        // a label may also name a searchable attribute of a relation ("customer.email")
        checkKnown(
                declaration,
                properties.keySet(),
                "labels",
                declaration.labels.keySet().stream()
                        .filter(name -> !(name.contains(".") && declaration.searchable.contains(name)))
                        .toList());
        checkKnown(
                declaration,
                properties.keySet(),
                "createdAt",
                declaration.createdProperty == null ? List.of() : List.of(declaration.createdProperty));
        if (declaration.createdProperty != null
                && properties.get(declaration.createdProperty).kind() != PropertyKind.DATE_TIME) {
            throw new IllegalStateException(declaration.type.getSimpleName() + "." + declaration.createdProperty
                    + " is not a date-time and cannot say when records were created");
        }
        List<org.gatehouse.metadata.PropertyDescriptor> searchable = new ArrayList<>();
        for (String name : declaration.searchable) {
            org.gatehouse.metadata.PropertyDescriptor property =
                    name.contains(".") ? relatedText(declaration, properties, name) : properties.get(name);
            searchable.add(property);
        }
        for (org.gatehouse.metadata.PropertyDescriptor property : searchable) {
            String path = property.name();
            PropertyKind kind = property.kind();
            if (kind != PropertyKind.TEXT && kind != PropertyKind.LONG_TEXT) {
                throw new IllegalStateException(
                        declaration.type.getSimpleName() + "." + path + " is not text and cannot be searchable");
            }
        }

        List<org.gatehouse.metadata.PropertyDescriptor> columns = declaration.columns.isEmpty()
                ? properties.values().stream()
                        .filter(p -> p.kind() != PropertyKind.TO_MANY)
                        .limit(DEFAULT_COLUMN_COUNT)
                        .toList()
                : declaration.columns.stream().map(properties::get).toList();
        List<org.gatehouse.metadata.PropertyDescriptor> formFields = declaration.formFields.isEmpty()
                ? properties.values().stream()
                        .filter(p -> !p.name().equals(idName(entity)))
                        .toList()
                : declaration.formFields.stream().map(properties::get).toList();
        List<SortOrder> defaultSort = SortOrder.parseAll(declaration.defaultSort).stream()
                .map(order -> order.property().equals("id") ? new SortOrder(idName(entity), order.descending()) : order)
                .toList();
        for (SortOrder order : defaultSort) {
            if (!properties.containsKey(order.property())
                    || !properties.get(order.property()).sortable()) {
                throw new IllegalStateException(declaration.type.getSimpleName() + ": default sort on '"
                        + order.property() + "', which is not a sortable property");
            }
        }
        return new AdminView<>(
                declaration.type,
                declaration.name,
                declaration.label,
                declaration.singularLabel,
                declaration.icon,
                declaration.category,
                entity.getIdType().getJavaType(),
                // in declaration order: Map.copyOf would shuffle the fields the details page lists
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties)),
                columns,
                formFields,
                List.copyOf(searchable),
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
                roleRules(declaration, entity, properties.keySet(), title),
                declaration.listsOtherViews);
    }

    /** The declared rules per role, checked against the entity: a wrong name fails the start. */
    private Map<String, ViewRules> roleRules(
            AdminViewDeclaration<?> declaration, EntityType<?> entity, Set<String> properties, String title) {
        Set<String> roles = new java.util.LinkedHashSet<>(declaration.scopes.keySet());
        roles.addAll(declaration.hiddenFor.keySet());
        roles.addAll(declaration.readOnlyFor.keySet());
        Map<String, ViewRules> rules = new LinkedHashMap<>();
        for (String role : roles) {
            try {
                rules.put(
                        role,
                        RuleCheck.check(
                                metamodel,
                                entity.getJavaType(),
                                properties,
                                title,
                                declaration.scopes.get(role),
                                declaration.hiddenFor.getOrDefault(role, Set.of()),
                                declaration.readOnlyFor.getOrDefault(role, Set.of())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        declaration.type.getSimpleName() + ", rules of role " + role + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(rules);
    }

    /**
     * A text attribute of a related record, searchable as {@code customer.email}: the list search
     * then also finds orders by their customer's email.
     */
    private org.gatehouse.metadata.PropertyDescriptor relatedText(
            AdminViewDeclaration<?> declaration,
            Map<String, org.gatehouse.metadata.PropertyDescriptor> properties,
            String path) {
        String[] parts = path.split("\\.");
        org.gatehouse.metadata.PropertyDescriptor relation = properties.get(parts[0]);
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
        // the relation's label may be a bundle key, which cannot be extended: the default is built from names
        String label = declaration.labels.getOrDefault(
                path, humanize(parts[0]) + " " + humanize(parts[1]).toLowerCase(java.util.Locale.ROOT));
        return new org.gatehouse.metadata.PropertyDescriptor(
                path, label, kind, attribute.getJavaType(), false, 0, true, false, true, false, List.of(), null);
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
                .orElse(idName(entity));
    }

    private <E> org.gatehouse.metadata.PropertyDescriptor describe(
            AdminViewDeclaration<E> declaration,
            Attribute<? super E, ?> attribute,
            BeanDescriptor beanConstraints,
            EntityType<E> entity,
            String title) {
        String name = attribute.getName();
        Class<?> javaType = attribute instanceof PluralAttribute<?, ?, ?> plural
                ? plural.getElementType().getJavaType()
                : attribute.getJavaType();
        PropertyKind kind = kindOf(attribute, javaType);
        Set<ConstraintDescriptor<?>> propertyConstraints = constraintsOf(beanConstraints, name);
        int maxLength = maxLength(propertyConstraints, declaration.type, name);
        if (kind == PropertyKind.TEXT && maxLength > LONG_TEXT_THRESHOLD) {
            kind = PropertyKind.LONG_TEXT;
        }
        boolean optional = !(attribute instanceof SingularAttribute<?, ?> singular) || singular.isOptional();
        boolean required = !javaType.isPrimitive()
                && (!optional
                        || propertyConstraints.stream()
                                .map(c -> c.getAnnotation().annotationType())
                                .anyMatch(t -> t == NotNull.class || t == NotBlank.class || t == NotEmpty.class));
        boolean isId = name.equals(idName(entity));
        boolean sortable = kind != PropertyKind.TO_MANY && !declaration.unsortable.contains(name);
        List<String> choices = kind == PropertyKind.ENUM
                ? Arrays.stream(javaType.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .toList()
                : List.of();
        String relatedLabel = kind.isRelation() ? titleOfRelated.apply(javaType) : null;
        return new org.gatehouse.metadata.PropertyDescriptor(
                name,
                declaration.labels.getOrDefault(name, humanize(name)),
                kind,
                javaType,
                required,
                maxLength,
                isId || declaration.readOnly.contains(name),
                sortable,
                declaration.searchable.contains(name),
                declaration.filters.contains(name),
                choices,
                relatedLabel);
    }

    static PropertyKind kindOf(Attribute<?, ?> attribute, Class<?> javaType) {
        PersistentAttributeType mapping = attribute.getPersistentAttributeType();
        if (mapping == PersistentAttributeType.MANY_TO_ONE || mapping == PersistentAttributeType.ONE_TO_ONE) {
            return PropertyKind.TO_ONE;
        }
        if (mapping == PersistentAttributeType.MANY_TO_MANY || mapping == PersistentAttributeType.ONE_TO_MANY) {
            return PropertyKind.TO_MANY;
        }
        if (javaType.isEnum()) {
            return PropertyKind.ENUM;
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return PropertyKind.BOOLEAN;
        }
        if (Stream.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class, BigInteger.class)
                .anyMatch(t -> t == javaType)) {
            return PropertyKind.INTEGER;
        }
        if (Stream.of(double.class, float.class, Double.class, Float.class, BigDecimal.class)
                .anyMatch(t -> t == javaType)) {
            return PropertyKind.DECIMAL;
        }
        if (Stream.of(Instant.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class)
                .anyMatch(t -> t == javaType)) {
            return PropertyKind.DATE_TIME;
        }
        if (javaType == LocalDate.class) {
            return PropertyKind.DATE;
        }
        return PropertyKind.TEXT;
    }

    private static Set<ConstraintDescriptor<?>> constraintsOf(BeanDescriptor bean, String property) {
        if (bean == null) {
            return Set.of();
        }
        PropertyDescriptor descriptor = bean.getConstraintsForProperty(property);
        return descriptor == null ? Set.of() : descriptor.getConstraintDescriptors();
    }

    private static int maxLength(Set<ConstraintDescriptor<?>> constraints, Class<?> type, String property) {
        for (ConstraintDescriptor<?> constraint : constraints) {
            if (constraint.getAnnotation() instanceof Size size && size.max() < Integer.MAX_VALUE) {
                return size.max();
            }
        }
        Field field = findField(type, property);
        if (field != null && field.isAnnotationPresent(jakarta.persistence.Lob.class)) {
            return Integer.MAX_VALUE;
        }
        if (field != null
                && field.getType() == String.class
                && field.isAnnotationPresent(jakarta.persistence.Column.class)) {
            return field.getAnnotation(jakarta.persistence.Column.class).length();
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

    /** Attributes in field declaration order (the metamodel's sets have no order), id first. */
    private static <E> List<Attribute<? super E, ?>> orderedAttributes(EntityType<E> entity) {
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
        attributes.sort((a, b) -> {
            if (a.getName().equals(id) != b.getName().equals(id)) {
                return a.getName().equals(id) ? -1 : 1;
            }
            return Integer.compare(indexOf(fieldOrder, a.getName()), indexOf(fieldOrder, b.getName()));
        });
        return attributes;
    }

    private static int indexOf(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static boolean isVersion(Attribute<?, ?> attribute) {
        return attribute instanceof SingularAttribute<?, ?> singular && singular.isVersion();
    }

    static String idName(EntityType<?> entity) {
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static void checkKnown(
            AdminViewDeclaration<?> declaration, Set<String> known, String what, Collection<String> names) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalStateException("Admin view '" + declaration.name + "' (" + declaration.type.getName()
                        + ") declares unknown or excluded property '" + name + "' in " + what);
            }
        }
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
