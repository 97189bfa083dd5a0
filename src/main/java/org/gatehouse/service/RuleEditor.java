package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.identity.StepUp;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.RowScope;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.service.AccessRules.Effective;
import org.gatehouse.service.AccessRules.Source;
import org.gatehouse.metadata.JsonTexts;

/**
 * What a role's Permissions tab edits: per view, the operations and bulk actions the role is
 * granted, its row scope and the properties hidden from or read-only for its holders. Saves are checked against the view, refused for parts fixed by
 * configuration, guarded by the stored rule's version and a fresh proof of identity, and audited
 * on the role. {@link CallerRules} reads the rules on every request, so a save holds from each
 * holder's next request on, on every node.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RuleEditor {

    public static final String SCOPE = "scope";
    public static final String HIDDEN = "hidden";
    public static final String READ_ONLY = "readOnly";
    public static final String OPERATIONS = "operations";
    public static final String ACTIONS = "actions";

    /** How many of the role's holders a preview counts for. */
    static final int PREVIEW_HOLDERS = 3;

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
    private RowEstimates estimates;

    /** Counts stop here and read "more than": a preview over a million rows stays quick. */
    @Inject
    @ConfigProperty(name = "GATEHOUSE_COUNT_CAP", defaultValue = "10000")
    private int countCap;

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
    public record Grant(String name, boolean granted, boolean fixed) {
    }

    /**
     * A role's rules for one view as the editor shows them.
     *
     * @param version the stored rule's version, null when the role has none stored for the view
     */
    public record Rules(String view, Part scope, Part hidden, Part readOnly, Long version, List<Grant> operations,
            List<Grant> actions) {
    }

    /** What a save did: the rules now, and whether anything changed. */
    public record Saved(Rules rules, boolean changed) {
    }

    /**
     * How many rows of the view a scope lets someone see.
     *
     * @param email   the holder it was counted for; null for a country the admin chose
     * @param country the country counted with (the holder's, or the chosen one); null for none
     */
    public record PreviewLine(String email, String country, ListCount visible) {
    }

    /**
     * @param scoped whether a scope narrows the view at all (otherwise every line sees the total)
     * @param total  the view's rows
     */
    public record Preview(boolean scoped, ListCount total, List<PreviewLine> lines) {
    }

    /** The role's rules for every view, in the menu's order. */
    public List<Rules> of(long roleId) {
        Role role = role(roleId);
        Map<String, RoleRule> stored = accessRules.stored(List.of(role.getName()));
        return registry.views().stream()
                .map(view -> rules(view, role, stored.get(role.getName() + "\u0000" + view.name()))).toList();
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
    public Saved save(long roleId, String viewName, Long shownVersion, String scope, String hidden, String readOnly,
            java.util.Set<String> operations, java.util.Set<String> actions) {
        requireAdminNow("save rules of role #" + roleId + " for view " + viewName);
        Role role = role(roleId);
        AdminView<?> view = view(viewName);
        RoleRule stored = stored(role, view.name());
        Effective before = accessRules.effective(view, role.getName(), stored);
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put(SCOPE, scope);
        posted.put(HIDDEN, hidden);
        posted.put(READ_ONLY, readOnly);
        for (Map.Entry<String, String> part : posted.entrySet()) {
            if (part.getValue() != null && source(before, part.getKey()) == Source.CONFIGURED) {
                throw new WriteException(part.getKey(), Message.of("tab.rules.fixedRefused",
                        AccessRules.key(view, role.getName(), configPart(part.getKey()))));
            }
        }
        requireValid(view, posted);
        Rules shown = rules(view, role, stored);
        String newOperations = granted(OPERATIONS, shown.operations(), operations, stored == null ? null : stored.getOperations(),
                view, role);
        String newActions = granted(ACTIONS, shown.actions(), actions, stored == null ? null : stored.getActions(), view, role);
        if (shownVersion == null ? stored != null : stored == null || stored.getVersion() != shownVersion) {
            throw new ConflictException(role.getId() + ":" + view.name(), false);
        }
        ViewRules declared = view.rulesOf(role.getName());
        String newScope = scope != null ? canonicalScope(scope)
                : stored != null ? stored.getRowScope() : declared.scope() == null ? null : declared.scope().toString();
        String newHidden = hidden != null ? canonicalNames(view, hidden)
                : stored != null ? stored.getHiddenFields() : String.join(", ", declared.hidden());
        String newReadOnly = readOnly != null ? canonicalNames(view, readOnly)
                : stored != null ? stored.getReadOnlyFields() : String.join(", ", declared.readOnly());
        Map<String, String> underlyingBefore = stored != null
                ? texts(stored.getRowScope(), stored.getHiddenFields(), stored.getReadOnlyFields())
                : texts(declared.scope() == null ? null : declared.scope().toString(), String.join(", ", declared.hidden()),
                        String.join(", ", declared.readOnly()));
        boolean grantsChanged = !Objects.equals(newOperations, stored == null ? null : stored.getOperations())
                || !Objects.equals(newActions, stored == null ? null : stored.getActions());
        if (underlyingBefore.equals(texts(newScope, newHidden, newReadOnly)) && !grantsChanged) {
            return new Saved(shown, false);
        }
        stepUp.require("change the access rules of a role");
        if (stored == null) {
            stored = new RoleRule(role, view.name());
            stored.change(newScope, newHidden, newReadOnly, who());
            stored.grant(newOperations, newActions, who());
            em.persist(stored);
        } else {
            stored.change(newScope, newHidden, newReadOnly, who());
            stored.grant(newOperations, newActions, who());
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
        Effective after = accessRules.effective(view, role.getName(), stored);
        Map<String, String> beforeTexts = texts(before.scope(), before.hidden(), before.readOnly());
        beforeTexts.putAll(grantTexts(shown));
        Map<String, String> afterTexts = texts(after.scope(), after.hidden(), after.readOnly());
        afterTexts.putAll(grantTexts(rules(view, role, stored)));
        String diff = AuditLog.diff(beforeTexts, afterTexts);
        String changes = JsonTexts.object(JsonTexts.readObject(diff))
                .add("@view", view.name()).build().toString();
        audit.record(AuditAction.RULES_CHANGED, "Role", String.valueOf(role.getId()), role.getName(), changes);
        return new Saved(rules(view, role, stored), true);
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
        Role role = role(roleId);
        AdminView<?> view = view(viewName);
        String text = scopeText != null ? scopeText
                : accessRules.effective(view, role.getName(), stored(role, view.name())).scope();
        Map<String, String> posted = new HashMap<>();
        posted.put(SCOPE, text);
        requireValid(view, posted);
        String chosen = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (chosen != null && !chosen.matches("[A-Z]{2}")) {
            throw new WriteException("country", Message.of("tab.rules.preview.badCountry"));
        }
        RowScope scope = RowScope.parse(text);
        var estimate = estimates.ofBigTable(view.type());
        ListCount total = estimate.isPresent() ? new ListCount(estimate.getAsLong(), ListCount.Kind.ESTIMATE)
                : new ListCount(new EntityQuery(em, null).count(view, ListRequest.defaults(view)), ListCount.Kind.EXACT);
        List<PreviewLine> lines = new java.util.ArrayList<>();
        List<Object[]> holders = em.createQuery("select u.id, u.email, u.country from User u join u.roles r"
                + " where r.id = :role and u.active = true order by u.email", Object[].class)
                .setParameter("role", role.getId()).setMaxResults(PREVIEW_HOLDERS).getResultList();
        for (Object[] holder : holders) {
            Map<String, Object> user = new HashMap<>();
            user.put("id", holder[0]);
            user.put("email", holder[1]);
            user.put("country", holder[2]);
            lines.add(new PreviewLine((String) holder[1], (String) holder[2], visible(view, scope, user, total)));
        }
        if (chosen != null) {
            Map<String, Object> user = new HashMap<>();
            user.put("country", chosen);
            lines.add(new PreviewLine(null, chosen, visible(view, scope, user, total)));
        }
        return new Preview(scope != null, total, lines);
    }

    private ListCount visible(AdminView<?> view, RowScope scope, Map<String, Object> user, ListCount total) {
        if (scope == null) {
            return total;
        }
        return new EntityQuery(em, new ScopePredicate(List.of(scope), user))
                .cappedCount(view, ListRequest.defaults(view), countCap);
    }

    /** Each given part checked on its own, so that each problem is shown at its own field. */
    private void requireValid(AdminView<?> view, Map<String, String> posted) {
        Map<String, String> problems = new LinkedHashMap<>();
        posted.forEach((part, text) -> {
            if (text == null) {
                return;
            }
            try {
                AccessRules.check(em, view, part.equals(SCOPE) ? text : "", part.equals(HIDDEN) ? text : "",
                        part.equals(READ_ONLY) ? text : "");
            } catch (IllegalArgumentException e) {
                problems.put(part, e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleRefusedException(problems);
        }
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

    private Rules rules(AdminView<?> view, Role role, RoleRule stored) {
        Effective effective = accessRules.effective(view, role.getName(), stored);
        boolean admin = Roles.ADMIN.equals(role.getName());
        List<Grant> operations = java.util.Arrays.stream(Operation.values()).filter(view::capable)
                .map(op -> new Grant(op.name(), accessRules.grants(view, role.getName(), op, stored),
                        admin || accessRules.operationConfigured(view, op))).toList();
        List<Grant> actions = view.actions().stream()
                .map(action -> new Grant(action.name(), accessRules.grantsAction(view, role.getName(), action.name(), stored),
                        admin || accessRules.actionConfigured(view, action.name()))).toList();
        return new Rules(view.name(),
                new Part(effective.scope(), effective.scopeSource(), AccessRules.key(view, role.getName(), "SCOPE")),
                new Part(effective.hidden(), effective.hiddenSource(), AccessRules.key(view, role.getName(), "HIDDEN")),
                new Part(effective.readOnly(), effective.readOnlySource(),
                        AccessRules.key(view, role.getName(), "READ_ONLY")),
                stored == null ? null : stored.getVersion(), operations, actions);
    }

    /**
     * The stored text of the operations or actions to grant: the current one when nothing is posted
     * or the posted choice is what applies already; else the choice, in the view's order.
     *
     * @throws RuleRefusedException a posted name is not an operation or action of the view
     * @throws WriteException       the choice changes a grant the page may not change
     */
    private static String granted(String part, List<Grant> shown, java.util.Set<String> posted, String current,
            AdminView<?> view, Role role) {
        if (posted == null) {
            return current;
        }
        List<String> names = shown.stream().map(Grant::name).toList();
        for (String name : posted) {
            if (!names.contains(name)) {
                throw new RuleRefusedException(Map.of(part, "'" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' is not one of " + names));
            }
        }
        boolean same = true;
        for (Grant grant : shown) {
            boolean wanted = posted.contains(grant.name());
            if (wanted != grant.granted()) {
                if (grant.fixed()) {
                    throw new WriteException(part, Roles.ADMIN.equals(role.getName())
                            ? Message.of("tab.rules.adminGrantsFixed")
                            : Message.of("tab.rules.fixedRefused", AccessRules.permissionKey(view,
                                    part.equals(OPERATIONS) ? grant.name() : "ACTION_" + grant.name())));
                }
                same = false;
            }
        }
        return same ? current : String.join(",", names.stream().filter(posted::contains).toList());
    }

    private static Map<String, String> grantTexts(Rules rules) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("@" + OPERATIONS, String.join(", ", rules.operations().stream().filter(Grant::granted).map(Grant::name).toList()));
        texts.put("@" + ACTIONS, String.join(", ", rules.actions().stream().filter(Grant::granted).map(Grant::name).toList()));
        return texts;
    }

    private Role role(long roleId) {
        Role role = em.find(Role.class, roleId);
        if (role == null) {
            throw new WriteException(null, Message.of("service.conflict.deleted"));
        }
        return role;
    }

    private AdminView<?> view(String name) {
        return registry.view(name == null ? "" : name)
                .orElseThrow(() -> new WriteException(null, Message.of("tab.rules.unknownView")));
    }

    private RoleRule stored(Role role, String viewName) {
        return em.createQuery("select r from RoleRule r where r.role = :role and r.viewName = :view", RoleRule.class)
                .setParameter("role", role).setParameter("view", viewName).getResultStream().findFirst().orElse(null);
    }

    private static Source source(Effective effective, String part) {
        return switch (part) {
            case SCOPE -> effective.scopeSource();
            case HIDDEN -> effective.hiddenSource();
            default -> effective.readOnlySource();
        };
    }

    private static String configPart(String part) {
        return switch (part) {
            case SCOPE -> "SCOPE";
            case HIDDEN -> "HIDDEN";
            default -> "READ_ONLY";
        };
    }

    private static String canonicalScope(String text) {
        RowScope scope = RowScope.parse(text);
        return scope == null ? null : scope.toString();
    }

    /** The names in the view's order, so that the same choice always reads the same. */
    private static String canonicalNames(AdminView<?> view, String text) {
        var names = AccessRules.names(text);
        return String.join(", ", view.properties().keySet().stream().filter(names::contains).toList());
    }

    private static Map<String, String> texts(String scope, String hidden, String readOnly) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("@" + SCOPE, Objects.requireNonNullElse(blankToNull(scope), ""));
        texts.put("@" + HIDDEN, Objects.requireNonNullElse(blankToNull(hidden), ""));
        texts.put("@" + READ_ONLY, Objects.requireNonNullElse(blankToNull(readOnly), ""));
        return texts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String who() {
        java.security.Principal principal = caller.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }
}
