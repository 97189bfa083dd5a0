package org.gatehouse.metadata;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All admin views of the application, built at start-up from every {@link AdminViewDeclaration}
 * that a CDI producer method offers. Adding an entity to the admin is one such method.
 */
@Named
@ApplicationScoped
public class AdminRegistry {

    @PersistenceUnit
    private EntityManagerFactory emf;

    @Inject
    private Validator validator;

    @Inject
    @Any
    private Instance<AdminViewDeclaration<?>> declarations;

    private Map<String, AdminView<?>> byName = Map.of();
    private Map<Class<?>, AdminView<?>> byType = Map.of();
    private java.util.Set<String> withTrash = java.util.Set.of();
    private Map<String, String> naturalKeys = Map.of();

    @PostConstruct
    void build() {
        Metamodel metamodel = emf.getMetamodel();
        List<AdminViewDeclaration<?>> all = new ArrayList<>();
        declarations.forEach(all::add);
        Map<Class<?>, String> titles = new HashMap<>();
        for (AdminViewDeclaration<?> declaration : all) {
            titles.put(
                    declaration.type, AdminViewFactory.titleProperty(declaration, metamodel.entity(declaration.type)));
        }
        AdminViewFactory factory = new AdminViewFactory(
                metamodel, validator::getConstraintsForClass, type -> titles.getOrDefault(type, "id"));
        Map<String, AdminView<?>> views = new LinkedHashMap<>();
        all.forEach(AdminRegistry::applyConfiguredPermissions);
        all.stream()
                .map(factory::build)
                .sorted(Comparator.comparing((AdminView<?> view) -> english(view.category()))
                        .thenComparing(view -> english(view.label())))
                .forEach(view -> {
                    if (views.putIfAbsent(view.name(), view) != null) {
                        throw new IllegalStateException("Two admin views are named '" + view.name() + "'");
                    }
                });
        Map<Class<?>, AdminView<?>> types = new HashMap<>();
        views.values().forEach(view -> types.put(view.type(), view));
        byName = views;
        byType = types;
        withTrash = all.stream()
                .filter(declaration -> declaration.trash)
                .map(declaration -> declaration.name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        Map<String, String> keys = new HashMap<>();
        all.stream()
                .filter(declaration -> declaration.naturalKey != null)
                .forEach(declaration -> keys.put(
                        declaration.name, checkedNaturalKey(views.get(declaration.name), declaration.naturalKey)));
        naturalKeys = Map.copyOf(keys);
    }

    /** A natural key must be a plain property of the view stored in a unique column. */
    private static String checkedNaturalKey(AdminView<?> view, String name) {
        PropertyDescriptor property = view.property(name)
                .orElseThrow(() -> new IllegalStateException("The natural key '" + name + "' of the admin view '"
                        + view.name() + "' is not one of its properties"));
        if (property.isRelation() || property.kind() == PropertyKind.TO_MANY) {
            throw new IllegalStateException("The natural key '" + name + "' of the admin view '" + view.name()
                    + "' is a relation; it must be a plain value");
        }
        for (Class<?> type = view.type(); type != null; type = type.getSuperclass()) {
            try {
                jakarta.persistence.Column column =
                        type.getDeclaredField(name).getAnnotation(jakarta.persistence.Column.class);
                if (column != null && column.unique()) {
                    return name;
                }
                break;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new IllegalStateException("The natural key '" + name + "' of the admin view '" + view.name()
                + "' must be a unique column (@Column(unique = true))");
    }

    /**
     * {@code GATEHOUSE_PERMISSIONS_ORDERS_DELETE=admin,editor} replaces the roles declared for
     * deleting orders; {@code GATEHOUSE_PERMISSIONS_ORDERS_ACTION_SHIP=…} those of a bulk action.
     */
    static void applyConfiguredPermissions(AdminViewDeclaration<?> declaration) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String prefix = "GATEHOUSE_PERMISSIONS_"
                + declaration.name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
        for (Operation operation : Operation.values()) {
            config.getOptionalValue(prefix + operation.name(), String.class)
                    .ifPresent(roles -> declaration.permit(operation, roles.split("\\s*,\\s*")));
        }
        for (var action : declaration.actions) {
            config.getOptionalValue(prefix + "ACTION_" + action.name().toUpperCase(java.util.Locale.ROOT), String.class)
                    .ifPresent(roles -> declaration.permitAction(action.name(), roles.split("\\s*,\\s*")));
        }
    }

    /** Labels may be bundle keys: the menu keeps one order, the English one, in every language. */
    private static String english(String labelOrKey) {
        return org.gatehouse.i18n.Texts.label(java.util.Locale.ENGLISH, labelOrKey);
    }

    public Optional<AdminView<?>> view(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @SuppressWarnings("unchecked")
    public <E> Optional<AdminView<E>> viewOf(Class<E> type) {
        return Optional.ofNullable((AdminView<E>) byType.get(type));
    }

    /** Whether deleting a record of the view moves it to the view's trash (see {@link AdminViewDeclaration#trash()}). */
    public boolean keepsTrash(AdminView<?> view) {
        return view.deletable() && withTrash.contains(view.name());
    }

    /** The view's declared natural key (see {@link AdminViewDeclaration#naturalKey}), if any. */
    public Optional<PropertyDescriptor> naturalKey(AdminView<?> view) {
        return Optional.ofNullable(naturalKeys.get(view.name())).flatMap(view::property);
    }

    /** In menu order: by category, then label (as they read in English). */
    public List<AdminView<?>> views() {
        return List.copyOf(byName.values());
    }
}
