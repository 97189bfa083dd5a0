package org.gatehouse.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.gatehouse.identity.AccountState;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.ViewRules;

/**
 * The rules that narrow one caller's access, read once per request: the roles their account holds
 * now (in the database, not what a session remembers), the rules of those roles per view, and the
 * user's own properties that scopes compare with.
 */
@RequestScoped
public class CallerRules {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountState accounts;

    @Inject
    private AccessRules rules;

    private String caller;
    private Set<String> roles;
    private Map<String, RoleRule> stored;
    private Map<String, Object> user;
    private final Map<String, ViewRules> byView = new HashMap<>();
    private final Map<String, AdminView<?>> narrowed = new HashMap<>();

    /** The roles the caller's account holds now; empty for anonymous or deactivated callers. */
    public Set<String> roles(String email) {
        load(email);
        return roles;
    }

    /** What narrows the caller's access to the view; {@link ViewRules#NONE} when nothing does. */
    public ViewRules of(AdminView<?> view, String email) {
        load(email);
        return byView.computeIfAbsent(view.name(), name -> rules.of(view, roles, stored));
    }

    /**
     * Whether the caller may perform the operation on the view: one of the roles their account
     * holds now, and their session announced ({@code session}), is granted it.
     */
    public boolean may(
            AdminView<?> view,
            org.gatehouse.metadata.Operation operation,
            java.util.function.Predicate<String> session,
            String email) {
        load(email);
        return roles.stream()
                .anyMatch(role -> session.test(role)
                        && rules.grants(view, role, operation, stored.get(role + "\u0000" + view.name())));
    }

    /** Whether the caller may run the bulk action on the view; as {@link #may}. */
    public boolean mayRun(
            AdminView<?> view, String action, java.util.function.Predicate<String> session, String email) {
        load(email);
        return roles.stream()
                .anyMatch(role -> session.test(role)
                        && rules.grantsAction(view, role, action, stored.get(role + "\u0000" + view.name())));
    }

    /** The view as the caller sees it (see {@link AdminView#narrowedBy}). */
    @SuppressWarnings("unchecked")
    public <E> AdminView<E> narrowed(AdminView<E> view, String email) {
        ViewRules rules = of(view, email);
        return (AdminView<E>) narrowed.computeIfAbsent(view.name(), name -> view.narrowedBy(rules));
    }

    /** Whether rules narrow the caller's access to any of the given views. */
    public boolean narrowedAnywhere(Iterable<AdminView<?>> views, String email) {
        for (AdminView<?> view : views) {
            ViewRules narrowing = of(view, email);
            if (narrowing.scoped() || !narrowing.hidden().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The caller's properties a scope may name ({@code id}, {@code email}, {@code country}). */
    public Map<String, Object> user(String email) {
        load(email);
        if (user == null) {
            user = new HashMap<>();
            if (email != null) {
                em.createQuery("select u.id, u.email, u.country from User u where u.email = :email", Object[].class)
                        .setParameter("email", org.gatehouse.identity.User.normalizeEmail(email))
                        .getResultStream()
                        .findFirst()
                        .ifPresent(row -> {
                            user.put("id", row[0]);
                            user.put("email", row[1]);
                            user.put("country", row[2]);
                        });
            }
        }
        return user;
    }

    private void load(String email) {
        if (roles != null && java.util.Objects.equals(caller, email)) {
            return;
        }
        caller = email;
        roles = email == null ? Set.of() : accounts.activeRoles(email);
        stored = rules.stored(roles);
        user = null;
        byView.clear();
        narrowed.clear();
    }
}
