package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.identity.StepUp;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.service.AccessRules.Effective;
import org.gatehouse.service.AccessRules.Source;

/**
 * What a role's Permissions tab edits: per view, the operations and bulk actions the role is
 * granted, its row scope and the properties hidden from or read-only for its holders. Saves are
 * checked against the view, refused for parts fixed by configuration, guarded by the stored rule's
 * version and a fresh proof of identity, and audited on the role; what a save stores is worked out
 * by {@link RuleChange}, read and written by {@link StoredRules}. {@link CallerRules} reads the
 * rules on every request, so a save holds from each holder's next request on, on every node.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RuleEditor {

    public static final String SCOPE = "scope";
    public static final String HIDDEN = "hidden";
    public static final String READ_ONLY = "readOnly";
    public static final String OPERATIONS = "operations";
    public static final String ACTIONS = "actions";

    private static final Logger LOG = Logger.getLogger(RuleEditor.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessRules accessRules;

    @Inject
    private CallerRules callerRules;

    @Inject
    private AuditLog audit;

    @Inject
    private StepUp stepUp;

    @Inject
    private RulePreviews previews;

    @Resource
    private SessionContext caller;

    /**
     * One part of a role's rules for a view.
     *
     * @param text   the text that applies (blank: none)
     * @param source where it comes from
     * @param key    the configuration key that would fix it (and does when the source is CONFIGURED)
     */
    public record Part(String text, Source source, String key) {

        public boolean fixed() {
            return source == Source.CONFIGURED;
        }
    }

    /**
     * An operation ({@code VIEW}, {@code CREATE}, {@code EDIT}, {@code DELETE}) or a bulk action, and
     * whether the role has it. {@code fixed}: not for this page to change — the {@code admin} role
     * keeps what the declarations give it (nobody can lock the admins out), and configuration that
     * names an operation's roles wins.
     */
    public record Grant(String name, boolean granted, boolean fixed) {}

    /**
     * A role's rules for one view as the editor shows them.
     *
     * @param version the stored rule's version, null when the role has none stored for the view
     */
    public record Rules(
            String view,
            Part scope,
            Part hidden,
            Part readOnly,
            Long version,
            List<Grant> operations,
            List<Grant> actions) {}

    /** What a save did: the rules now, and whether anything changed. */
    public record Saved(Rules rules, boolean changed) {}

    /**
     * How many rows of the view a scope lets someone see.
     *
     * @param email   the holder it was counted for; null for a country the admin chose
     * @param country the country counted with (the holder's, or the chosen one); null for none
     */
    public record PreviewLine(String email, String country, ListCount visible) {}

    /**
     * @param scoped whether a scope narrows the view at all (otherwise every line sees the total)
     * @param total  the view's rows
     */
    public record Preview(boolean scoped, ListCount total, List<PreviewLine> lines) {}

    /** The role's rules for every view, in the menu's order. */
    public List<Rules> of(long roleId) {
        StoredRules read = read();
        Role role = read.role(roleId);
        Map<String, RoleRule> stored = accessRules.stored(List.of(role.getName()));
        return registry.views().stream()
                .map(view -> read.rules(view, role, stored.get(role.getName() + "\u0000" + view.name())))
                .toList();
    }

    /**
     * Saves a role's rules for one view. A null text leaves that part as it is; a part fixed by
     * configuration cannot be given at all.
     *
     * @param shownVersion the version of the stored rule the editor showed; null when it showed none
     * @throws RuleRefusedException a text does not fit the view
     * @throws WriteException       a part is fixed by configuration, or the view is unknown
     * @throws ConflictException    someone else saved the rules since they were shown
     */
    public Saved save(long roleId, String viewName, Long shownVersion, String scope, String hidden, String readOnly) {
        return save(roleId, viewName, shownVersion, scope, hidden, readOnly, null, null);
    }

    /**
     * Saves a role's rules and grants for one view; null sets of operations or actions leave them
     * as they are. Grants take effect for the role's holders from their next request on.
     *
     * @param operations the operations the role is to have (names of {@link Operation}), or null
     * @param actions    the bulk actions the role is to have, or null
     */
    public Saved save(
            long roleId,
            String viewName,
            Long shownVersion,
            String scope,
            String hidden,
            String readOnly,
            java.util.Set<String> operations,
            java.util.Set<String> actions) {
        requireAdminNow("save rules of role #" + roleId + " for view " + viewName);
        StoredRules read = read();
        Role role = read.role(roleId);
        AdminView<?> view = read.view(viewName);
        RoleRule stored = read.stored(role, view.name());
        Effective before = accessRules.effective(view, role.getName(), stored);
        Map<String, String> posted = RuleChange.posted(scope, hidden, readOnly);
        RuleChange.refuseFixed(view, role.getName(), before, posted);
        RuleTexts.requireValid(em, view, posted);
        Rules shown = read.rules(view, role, stored);
        String newOperations = RuleTexts.granted(
                OPERATIONS, shown.operations(), operations, stored == null ? null : stored.getOperations(), view, role);
        String newActions = RuleTexts.granted(
                ACTIONS, shown.actions(), actions, stored == null ? null : stored.getActions(), view, role);
        if (shownVersion == null ? stored != null : stored == null || stored.getVersion() != shownVersion) {
            throw new ConflictException(role.getId() + ":" + view.name(), false);
        }
        ViewRules declared = view.rulesOf(role.getName());
        RuleChange change = RuleChange.of(view, declared, stored, scope, hidden, readOnly, newOperations, newActions);
        if (!change.changes(stored, declared)) {
            return new Saved(shown, false);
        }
        stepUp.require("change the access rules of a role");
        stored = read.store(role, view, stored, change, who());
        Rules now = read.rules(view, role, stored);
        String changes = RuleChange.auditText(
                view.name(), before, shown, accessRules.effective(view, role.getName(), stored), now);
        audit.record(AuditAction.RULES_CHANGED, "Role", String.valueOf(role.getId()), role.getName(), changes);
        return new Saved(now, true);
    }

    /**
     * How many rows of the view the scope lets the role's first holders, and a user of the chosen
     * country, see, against all of the view's rows. Counts stop at the cap ("more than 10,000"); the
     * total of a big table is the planner's estimate. Only this role's scope counts, not the holders'
     * other roles.
     *
     * @param scopeText the scope to try (as typed, unsaved); null for the one that applies now
     * @param country   a two-letter country to count for as well; null or blank for none
     * @throws RuleRefusedException the scope does not fit the view
     * @throws WriteException       the country is not two letters
     */
    public Preview preview(long roleId, String viewName, String scopeText, String country) {
        StoredRules read = read();
        return previews.preview(read.role(roleId), read.view(viewName), scopeText, country);
    }

    /**
     * Writes need the admin role on the account now, in the database, besides the one the session
     * announced (which {@code @RolesAllowed} checks): a session that outlived a role change writes nothing.
     */
    private void requireAdminNow(String what) {
        String who = who();
        if (!callerRules.roles(who).contains(Roles.ADMIN)) {
            LOG.warning(() -> "Forbidden: " + who + " may not " + what);
            audit.securityEvent(AuditAction.FORBIDDEN, who, what);
            throw new ForbiddenException("change access rules");
        }
    }

    private StoredRules read() {
        return new StoredRules(em, registry, accessRules);
    }

    private String who() {
        java.security.Principal principal = caller.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }
}
