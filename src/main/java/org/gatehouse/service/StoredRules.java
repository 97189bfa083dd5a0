package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.service.AccessRules.Effective;
import org.gatehouse.service.RuleEditor.Grant;
import org.gatehouse.service.RuleEditor.Part;
import org.gatehouse.service.RuleEditor.Rules;

/**
 * The stored rules the role Permissions tab ({@link RuleEditor}) reads and writes: the role and view
 * a call names, the role's stored rule for the view, that rule changed and flushed (a concurrent
 * save is a conflict), and the role's rules as the editor shows them (each part with where it comes
 * from, each operation and bulk action with whether it is granted and fixed). No permission
 * checks: {@link RuleEditor} makes them before it asks.
 */
final class StoredRules {

    private static final Logger LOG = Logger.getLogger(StoredRules.class.getName());

    private final EntityManager em;
    private final AdminRegistry registry;
    private final AccessRules accessRules;

    StoredRules(EntityManager em, AdminRegistry registry, AccessRules accessRules) {
        this.em = em;
        this.registry = registry;
        this.accessRules = accessRules;
    }

    /** The role with the id; else a write that cannot be made. */
    Role role(long roleId) {
        Role role = em.find(Role.class, roleId);
        if (role == null) {
            throw new WriteException(null, Message.of("service.conflict.deleted"));
        }
        return role;
    }

    /** The declared view with the name; else a write that cannot be made. */
    AdminView<?> view(String name) {
        return registry.view(name == null ? "" : name)
                .orElseThrow(() -> new WriteException(null, Message.of("tab.rules.unknownView")));
    }

    /** The role's stored rule for the view; null when it has none. */
    RoleRule stored(Role role, String viewName) {
        return stored(em, role, viewName);
    }

    /** The role's stored rule for the view; null when it has none (also for the preview, which stores nothing). */
    static RoleRule stored(EntityManager em, Role role, String viewName) {
        return em.createQuery("select r from RoleRule r where r.role = :role and r.viewName = :view", RoleRule.class)
                .setParameter("role", role)
                .setParameter("view", viewName)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Stores the change on the role's rule for the view, a new rule when it has none.
     *
     * @param stored the rule as read before the change; null when none
     * @return the rule as stored now
     * @throws ConflictException someone else saved the role's rules for the view meanwhile
     */
    RoleRule store(Role role, AdminView<?> view, RoleRule stored, RuleChange change, String who) {
        RoleRule rule = stored == null ? new RoleRule(role, view.name()) : stored;
        change.applyTo(rule, who);
        if (stored == null) {
            em.persist(rule);
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(role.getId() + ":" + view.name(), false);
        } catch (PersistenceException e) {
            // another admin stored the first rule for this role and view at the same moment
            LOG.info(() -> "Rules of role " + role.getName() + " for " + view.name() + " not saved: " + e.getMessage());
            throw new ConflictException(role.getId() + ":" + view.name(), false);
        }
        return rule;
    }

    /** The role's rules for the view as the editor shows them, given its stored rule (null: none). */
    Rules rules(AdminView<?> view, Role role, RoleRule stored) {
        Effective effective = accessRules.effective(view, role.getName(), stored);
        boolean admin = Roles.ADMIN.equals(role.getName());
        List<Grant> operations = Arrays.stream(Operation.values())
                .filter(view::capable)
                .map(op -> new Grant(
                        op.name(),
                        accessRules.grants(view, role.getName(), op, stored),
                        admin || accessRules.operationConfigured(view, op)))
                .toList();
        List<Grant> actions = view.actions().stream()
                .map(action -> new Grant(
                        action.name(),
                        accessRules.grantsAction(view, role.getName(), action.name(), stored),
                        admin || accessRules.actionConfigured(view, action.name())))
                .toList();
        return new Rules(
                view.name(),
                new Part(effective.scope(), effective.scopeSource(), AccessRules.key(view, role.getName(), "SCOPE")),
                new Part(effective.hidden(), effective.hiddenSource(), AccessRules.key(view, role.getName(), "HIDDEN")),
                new Part(
                        effective.readOnly(),
                        effective.readOnlySource(),
                        AccessRules.key(view, role.getName(), "READ_ONLY")),
                stored == null ? null : stored.getVersion(),
                operations,
                actions);
    }
}
