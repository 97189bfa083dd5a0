package org.gatehouse.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.Role;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.RowScope;
import org.gatehouse.service.RuleEditor.Preview;
import org.gatehouse.service.RuleEditor.PreviewLine;

/**
 * The preview of the role Permissions tab ({@link RuleEditor#preview}): how many rows of a view a
 * row scope lets the role's first holders, and a user of a chosen country, see.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RulePreviews {

    /** How many of the role's holders a preview counts for. */
    static final int PREVIEW_HOLDERS = 3;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessRules accessRules;

    @Inject
    private RowEstimates estimates;

    /** Counts stop here and read "more than": a preview over a million rows stays quick. */
    @Inject
    @ConfigProperty(name = "GATEHOUSE_COUNT_CAP", defaultValue = "10000")
    private int countCap;

    /** See {@link RuleEditor#preview}. */
    public Preview preview(Role role, AdminView<?> view, String scopeText, String country) {

        String text = scopeText != null
                ? scopeText
                : accessRules
                        .effective(view, role.getName(), StoredRules.stored(em, role, view.name()))
                        .scope();
        Map<String, String> posted = new HashMap<>();
        posted.put(RuleEditor.SCOPE, text);
        RuleTexts.requireValid(em, view, posted);
        String chosen =
                country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (chosen != null && !chosen.matches("[A-Z]{2}")) {
            throw new WriteException("country", Message.of("tab.rules.preview.badCountry"));
        }
        RowScope scope = RowScope.parse(text);
        var estimate = estimates.ofBigTable(view.type());
        ListCount total = estimate.isPresent()
                ? new ListCount(estimate.getAsLong(), ListCount.Kind.ESTIMATE)
                : new ListCount(
                        new EntityQuery(em, null).count(view, ListRequest.defaults(view)), ListCount.Kind.EXACT);
        List<PreviewLine> lines = new java.util.ArrayList<>();
        List<Object[]> holders = em.createQuery(
                        "select u.id, u.email, u.country from User u join u.roles r"
                                + " where r.id = :role and u.active = true order by u.email",
                        Object[].class)
                .setParameter("role", role.getId())
                .setMaxResults(PREVIEW_HOLDERS)
                .getResultList();
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
}
