package org.gatehouse.metadata;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a declaration against the entity it describes, so a wrong name or an impossible choice
 * fails the start, naming the view and the property, instead of a page later.
 */
final class DeclarationChecks {

    private DeclarationChecks() {}

    /** Every property a declaration names exists (and is not excluded); its created-at is a date-time. */
    static void names(AdminViewDeclaration<?> declaration, Map<String, PropertyDescriptor> properties) {
        Set<String> known = properties.keySet();
        known(declaration, known, "columns", declaration.columns);
        known(declaration, known, "formFields", declaration.formFields);
        known(
                declaration,
                known,
                "searchable",
                declaration.searchable.stream()
                        .filter(name -> !name.contains("."))
                        .toList());
        known(declaration, known, "filters", declaration.filters);
        known(declaration, known, "readOnly", declaration.readOnly);
        // a label may also name a searchable attribute of a relation ("customer.email")
        known(
                declaration,
                known,
                "labels",
                declaration.labels.keySet().stream()
                        .filter(name -> !(name.contains(".") && declaration.searchable.contains(name)))
                        .toList());
        String created = declaration.createdProperty;
        known(declaration, known, "createdAt", created == null ? List.of() : List.of(created));
        if (created != null && properties.get(created).kind() != PropertyKind.DATE_TIME) {
            throw new IllegalStateException(declaration.type.getSimpleName() + "." + created
                    + " is not a date-time and cannot say when records were created");
        }
    }

    /** The search matches text: a searchable property of another kind is a mistake. */
    static void searchable(AdminViewDeclaration<?> declaration, List<PropertyDescriptor> searchable) {
        for (PropertyDescriptor property : searchable) {
            if (property.kind() != PropertyKind.TEXT && property.kind() != PropertyKind.LONG_TEXT) {
                throw new IllegalStateException(declaration.type.getSimpleName() + "." + property.name()
                        + " is not text and cannot be searchable");
            }
        }
    }

    static void defaultSort(
            AdminViewDeclaration<?> declaration, Map<String, PropertyDescriptor> properties, List<SortOrder> sort) {
        for (SortOrder order : sort) {
            PropertyDescriptor property = properties.get(order.property());
            if (property == null || !property.sortable()) {
                throw new IllegalStateException(declaration.type.getSimpleName() + ": default sort on '"
                        + order.property() + "', which is not a sortable property");
            }
        }
    }

    /** The declared rules per role, checked against the entity: a wrong name fails the start. */
    static Map<String, ViewRules> roleRules(
            Metamodel metamodel,
            AdminViewDeclaration<?> declaration,
            EntityType<?> entity,
            Set<String> properties,
            String title) {
        Set<String> roles = new LinkedHashSet<>(declaration.scopes.keySet());
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

    private static void known(
            AdminViewDeclaration<?> declaration, Set<String> known, String what, Collection<String> names) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalStateException("Admin view '" + declaration.name + "' (" + declaration.type.getName()
                        + ") declares unknown or excluded property '" + name + "' in " + what);
            }
        }
    }
}
