package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.persistence.BaseEntity;

/**
 * Who may do what, asked and enforced on every call of the entity services: the operations the
 * caller's roles are granted on a view (the roles their account holds now, in the database, that
 * their session also announced), and the rules that narrow them (row scopes, hidden and read-only
 * properties). A refusal is logged, audited as {@link AuditAction#FORBIDDEN} and thrown as a
 * {@link ForbiddenException}; nothing is read or written.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class AccessChecks {

    private static final Logger LOG = Logger.getLogger(AccessChecks.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    @Inject
    private CallerRules callerRules;

    @Resource
    private SessionContext caller;

    // ---------------------------------------------------------------- what pages ask

    /**
     * Whether the caller may perform the operation on the view; what menus and buttons ask. What an
     * admin granted or took from a role on its Permissions tab counts from the next request on. A
     * view listing records of other views (the audit log) is closed to callers whose access rules
     * narrow: a session that outlived a deactivation or a role change reads and writes nothing.
     */
    public boolean can(AdminView<?> view, Operation operation) {
        return callerRules.may(view, operation, caller::isCallerInRole, who())
                && !(view.listsOtherViews() && callerRules.narrowedAnywhere(registry.views(), who()));
    }

    /** Whether the caller may run the view's bulk action; what the list's buttons ask. */
    public boolean canRun(AdminView<?> view, String action) {
        return callerRules.mayRun(view, action, caller::isCallerInRole, who());
    }

    /**
     * The view as the caller may see it: without the properties hidden from them, with those they
     * may not change marked read-only. Pages show this; every request is checked against it.
     */
    public <E> AdminView<E> viewFor(AdminView<E> view) {
        return callerRules.narrowed(view, who());
    }

    /** What narrows the caller's access to the view (row scopes, hidden and read-only properties). */
    public ViewRules rules(AdminView<?> view) {
        return callerRules.of(view, who());
    }

    // ---------------------------------------------------------------- what every call checks

    /** A read or a write: the operation granted as {@link #can} answers. */
    public void require(AdminView<?> view, Operation operation) {
        if (!can(view, operation)) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT));
        }
    }

    /** A write: the operation granted as for {@link #can} (the audit log's closure does not matter: it takes no writes). */
    public void requireWrite(AdminView<?> view, Operation operation) {
        if (!callerRules.may(view, operation, caller::isCallerInRole, who())) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT));
        }
    }

    public void requireAction(AdminView<?> view, String action) {
        if (!canRun(view, action)) {
            refuse(view.name() + ":action:" + action);
        }
    }

    /** Reading related records for pickers needs the right to view their own admin view. */
    public void requireViewOf(Class<?> type) {
        AdminView<?> related = registry.viewOf(type).orElse(null);
        if (related == null ? !caller.isCallerInRole(Roles.ADMIN) : !can(related, Operation.VIEW)) {
            refuse(type.getSimpleName() + ":view");
        }
    }

    /**
     * The view as the caller sees it, after checking that the request sorts and filters by none of
     * the properties hidden from them: the page never offers that, so such a request is crafted.
     */
    public <E> AdminView<E> checked(AdminView<E> view, ListRequest request) {
        AdminView<E> seen = viewFor(view);
        for (var order : request.sort()) {
            if (!seen.properties().containsKey(order.property())) {
                refuse(view.name() + ":sort:" + order.property());
            }
        }
        for (String property : request.filters().keySet()) {
            if (!seen.properties().containsKey(property)) {
                refuse(view.name() + ":filter:" + property);
            }
        }
        return seen;
    }

    /**
     * A write may not change a property hidden from or read-only for the caller. The pages never
     * offer that, so an attempt is crafted: refused and audited, not silently ignored.
     */
    public void requireUnchanged(
            AdminView<?> view, Map<String, String> before, Map<String, String> after, Operation operation) {
        ViewRules rules = rules(view);
        for (String property : view.properties().keySet()) {
            if (rules.fixed(property) && !Objects.equals(before.get(property), after.get(property))) {
                refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT) + ":field:" + property);
            }
        }
    }

    /** A record written by a caller with a row scope must lie within it afterwards; else the write is undone. */
    public <E> void requireInScope(AdminView<E> view, E entity, Operation operation) {
        if (rules(view).scoped()
                && new EntityQuery(em, scope(view))
                        .inScope(view.type(), List.of(((BaseEntity) entity).getId()))
                        .isEmpty()) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT) + ":scope");
        }
    }

    /**
     * One bulk request acts on at most one page of the biggest size the view offers: the table never
     * selects more, and a crafted selection must not turn one request into thousands of queries.
     */
    static void requireSelectionSize(AdminView<?> view, int size) {
        if (size > view.maxPageSize()) {
            throw new WriteException(null, Message.of("service.tooManySelected", view.maxPageSize()));
        }
    }

    // ---------------------------------------------------------------- the caller's row scope

    /**
     * The caller's row scope of the view as a condition for its queries ({@code new EntityQuery(em,
     * scope)}); none when no scope narrows it.
     */
    public ScopePredicate scope(AdminView<?> view) {
        ViewRules rules = rules(view);
        return rules.scoped() ? new ScopePredicate(rules.scopes(), callerRules.user(who())) : null;
    }

    /** The caller's scope of a related type's view; none for types without a view. */
    public ScopePredicate scopeOf(Class<?> type) {
        return registry.viewOf(type).map(this::scope).orElse(null);
    }

    /** The caller's name (their e-mail address), or none. */
    public String who() {
        Principal principal = caller.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    private void refuse(String what) {
        String who = who();
        LOG.warning(() -> "Forbidden: " + who + " may not " + what);
        audit.securityEvent(AuditAction.FORBIDDEN, who, what);
        throw new ForbiddenException(what.replace(':', ' '));
    }
}
