package org.gatehouse.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.metadata.Roles;
import org.gatehouse.persistence.DayCounts;
import org.gatehouse.persistence.DayRange;

/**
 * The audit trail read for the dashboard: the newest entries of one actor, the newest writes, and
 * security events per day. Each query reads one index range ({@code audit_log_actor_at_idx},
 * {@code audit_log_at_idx}, {@code audit_log_action_at_idx}) and is JPQL of fixed text, parsed
 * once. Callers decide which entries the reader may see and say so by the entity types they pass.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class AuditActivity {

    /** Changes to records, whoever made them: what "latest changes" lists. */
    public static final Set<AuditAction> WRITES = EnumSet.of(
            AuditAction.CREATE,
            AuditAction.UPDATE,
            AuditAction.DELETE,
            AuditAction.BULK_DELETE,
            AuditAction.BULK_ACTION,
            AuditAction.ACTIVATE,
            AuditAction.DEACTIVATE,
            AuditAction.ROLE_ADDED,
            AuditAction.ROLE_REMOVED,
            AuditAction.PASSWORD_CHANGE,
            AuditAction.PASSWORD_RESET,
            AuditAction.UNLOCK);

    /** What everyone does every day, charted rather than listed: it would crowd out the actions worth seeing. */
    public static final Set<AuditAction> ROUTINE =
            EnumSet.of(AuditAction.LOGIN_SUCCESS, AuditAction.LOGOUT, AuditAction.STEP_UP);

    private static final String NEWEST_FIRST = " order by a.at desc, a.id desc";

    @PersistenceContext
    private EntityManager em;

    /**
     * The newest entries of one actor but the {@link #ROUTINE} ones, newest first.
     *
     * @param entityTypes only entries about these types; {@code null} for every entry
     */
    public List<AuditEntry> byActor(String actor, Collection<String> entityTypes, int limit) {
        if (actor == null || entityTypes != null && entityTypes.isEmpty()) {
            return List.of();
        }
        String byActor = "select a from AuditEntry a where a.actor = :actor and a.action not in :routine";
        TypedQuery<AuditEntry> query = entityTypes == null
                ? em.createQuery(byActor + NEWEST_FIRST, AuditEntry.class)
                : em.createQuery(byActor + " and a.entityType in :types" + NEWEST_FIRST, AuditEntry.class)
                        .setParameter("types", entityTypes);
        return query.setParameter("actor", actor)
                .setParameter("routine", ROUTINE)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The newest {@link #WRITES} to records of the given entity types, newest first. */
    public List<AuditEntry> latestWrites(Collection<String> entityTypes, int limit) {
        if (entityTypes.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select a from AuditEntry a where a.action in :writes and a.entityType in :types"
                                + NEWEST_FIRST,
                        AuditEntry.class)
                .setParameter("writes", WRITES)
                .setParameter("types", entityTypes)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many entries of each action fell on each day; every asked action has its counts, zeros included. */
    public Map<AuditAction, DayCounts> perDay(Set<AuditAction> actions, DayRange range) {
        List<Object[]> rows = range.bind(
                        em.createQuery(
                                "select a.action, " + range.sumsPerDay("a.at")
                                        + " from AuditEntry a where a.action in :actions and " + range.within("a.at")
                                        + " group by a.action",
                                Object[].class),
                        instant -> instant.atOffset(ZoneOffset.UTC))
                .setParameter("actions", actions)
                .getResultList();
        Map<AuditAction, DayCounts> counts = new EnumMap<>(AuditAction.class);
        actions.forEach(action -> counts.put(action, range.none()));
        for (Object[] row : rows) {
            counts.put((AuditAction) row[0], range.counts(row, 1));
        }
        return counts;
    }
}
