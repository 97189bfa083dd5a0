package org.gatehouse.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.RowScope;
import org.gatehouse.metadata.RuleCheck;
import org.gatehouse.metadata.ViewRules;

/**
 * Where a role's rules for a view come from, strongest first: configuration
 * ({@code GATEHOUSE_RULES_<VIEW>_<ROLE>_SCOPE}, {@code _HIDDEN}, {@code _READ_ONLY}, each on its
 * own), what an admin set on the role's Permissions tab ({@code role_rules}), the view's
 * declaration. Read from the database on every request, so a change holds on every node at once.
 */
@ApplicationScoped
public class AccessRules {

    /** Which source gave one part of a role's rules. */
    public enum Source {
        DECLARED,
        EDITED,
        CONFIGURED
    }

    /**
     * A role's rules for a view with their sources.
     *
     * @param scope    the scope text, blank for none
     * @param hidden   hidden properties, comma-separated
     * @param readOnly read-only properties, comma-separated
     */
    public record Effective(
            String scope,
            Source scopeSource,
            String hidden,
            Source hiddenSource,
            String readOnly,
            Source readOnlySource) {

        public boolean configured() {
            return scopeSource == Source.CONFIGURED
                    || hiddenSource == Source.CONFIGURED
                    || readOnlySource == Source.CONFIGURED;
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Config config;

    /** The rules of every given role for the view, added up; fails closed on a broken stored or configured rule. */
    public ViewRules of(AdminView<?> view, Collection<String> roles, Map<String, RoleRule> stored) {
        ViewRules rules = ViewRules.NONE;
        for (String role : roles) {
            rules = rules.and(parse(view, effective(view, role, stored.get(role + "\u0000" + view.name()))));
        }
        return rules;
    }

    /** The stored rules of the given roles, keyed by role and view name (see {@link #of}). */
    public Map<String, RoleRule> stored(Collection<String> roles) {
        if (roles.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r from RoleRule r join fetch r.role where r.role.name in :roles", RoleRule.class)
                .setParameter("roles", roles)
                .getResultStream()
                .collect(Collectors.toMap(r -> r.getRole().getName() + "\u0000" + r.getViewName(), r -> r));
    }

    /** One role's rules for one view with their sources, for the editor. */
    public Effective effective(AdminView<?> view, String role, RoleRule stored) {
        ViewRules declared = view.rulesOf(role);
        String scope = declared.scope() == null ? "" : declared.scope().toString();
        String hidden = String.join(", ", declared.hidden());
        String readOnly = String.join(", ", declared.readOnly());
        Source scopeSource = Source.DECLARED;
        Source hiddenSource = Source.DECLARED;
        Source readOnlySource = Source.DECLARED;
        if (stored != null) {
            scope = nullToEmpty(stored.getRowScope());
            hidden = nullToEmpty(stored.getHiddenFields());
            readOnly = nullToEmpty(stored.getReadOnlyFields());
            scopeSource = hiddenSource = readOnlySource = Source.EDITED;
        }
        Optional<String> configuredScope = configured(view, role, "SCOPE");
        Optional<String> configuredHidden = configured(view, role, "HIDDEN");
        Optional<String> configuredReadOnly = configured(view, role, "READ_ONLY");
        return new Effective(
                configuredScope.orElse(scope),
                configuredScope.isPresent() ? Source.CONFIGURED : scopeSource,
                configuredHidden.orElse(hidden),
                configuredHidden.isPresent() ? Source.CONFIGURED : hiddenSource,
                configuredReadOnly.orElse(readOnly),
                configuredReadOnly.isPresent() ? Source.CONFIGURED : readOnlySource);
    }

    /**
     * Whether the role may perform the operation on the view. The {@code admin} role and operations
     * whose roles configuration names ({@code GATEHOUSE_PERMISSIONS_<VIEW>_<OP>}) follow the
     * declaration; otherwise what an admin granted the role on its Permissions tab, if anything.
     */
    public boolean grants(AdminView<?> view, String role, Operation operation, RoleRule stored) {
        if (!view.capable(operation)) {
            return false;
        }
        if (Roles.ADMIN.equals(role)
                || stored == null
                || stored.getOperations() == null
                || operationConfigured(view, operation)) {
            return view.rolesFor(operation).contains(role);
        }
        return names(stored.getOperations()).contains(operation.name());
    }

    /** Whether the role may run the bulk action on the view; as {@link #grants} for operations. */
    public boolean grantsAction(AdminView<?> view, String role, String action, RoleRule stored) {
        if (view.action(action).isEmpty()) {
            return false;
        }
        if (Roles.ADMIN.equals(role)
                || stored == null
                || stored.getActions() == null
                || actionConfigured(view, action)) {
            return view.rolesForAction(action).contains(role);
        }
        return names(stored.getActions()).contains(action);
    }

    /** Whether configuration names the roles of the operation on the view; then nobody may change them here. */
    public boolean operationConfigured(AdminView<?> view, Operation operation) {
        return config.getOptionalValue(permissionKey(view, operation.name()), String.class)
                .isPresent();
    }

    public boolean actionConfigured(AdminView<?> view, String action) {
        return config.getOptionalValue(permissionKey(view, "ACTION_" + action), String.class)
                .isPresent();
    }

    /** The configuration key naming the roles of an operation ({@code DELETE}) or action ({@code ACTION_SHIP}). */
    public static String permissionKey(AdminView<?> view, String part) {
        return ("GATEHOUSE_PERMISSIONS_" + view.name() + "_" + part)
                .toUpperCase(Locale.ROOT)
                .replace('-', '_');
    }

    /** The configuration key of one part of a role's rules for a view. */
    public static String key(AdminView<?> view, String role, String part) {
        return ("GATEHOUSE_RULES_" + view.name() + "_" + role + "_" + part)
                .toUpperCase(Locale.ROOT)
                .replace('-', '_');
    }

    private Optional<String> configured(AdminView<?> view, String role, String part) {
        return config.getOptionalValue(key(view, role, part), String.class);
    }

    /**
     * Checks rule texts against the view, as the editor saves them.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ViewRules check(EntityManager em, AdminView<?> view, String scope, String hidden, String readOnly) {
        return RuleCheck.check(
                em.getMetamodel(),
                view.type(),
                view.properties().keySet(),
                view.titleProperty(),
                scope,
                names(hidden),
                names(readOnly));
    }

    /**
     * The rules as they apply. A rule that no longer fits the view (a stored or configured text
     * naming a property the view lost) hides every row: better nothing than too much.
     */
    private ViewRules parse(AdminView<?> view, Effective effective) {
        try {
            return check(em, view, effective.scope(), effective.hidden(), effective.readOnly());
        } catch (IllegalArgumentException e) {
            java.util.logging.Logger.getLogger(AccessRules.class.getName())
                    .warning(() -> "Rules for view " + view.name() + " do not fit it (" + e.getMessage()
                            + "); its rows are hidden from the role");
            return ViewRules.of(RowScope.parse("id = -1 and id = -2"), Set.of(), Set.of());
        }
    }

    static Set<String> names(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
