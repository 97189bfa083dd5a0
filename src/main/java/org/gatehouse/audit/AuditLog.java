package org.gatehouse.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.metadata.Roles;
import org.gatehouse.ops.OperationsMetrics;
import org.gatehouse.ops.RequestId;

/**
 * Writes the audit trail. Admin writes are recorded inside the caller's transaction (so a
 * rolled-back write leaves no entry and a committed one always has its entry); security events
 * such as a failed login have no surrounding write and get a transaction of their own.
 */
@Stateless
public class AuditLog {

    /** Recorded instead of any secret's value. */
    public static final String CHANGED = "changed";

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Instance<HttpServletRequest> request;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private OperationsMetrics metrics;

    /** Records one admin write; must run inside the write's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditAction action, String entityType, String entityId, String label, String changes) {
        write(new AuditEntry(action, caller(), clientIp(), entityType, entityId, label, changes));
    }

    /** Records a security event (login, logout, lockout) on its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void securityEvent(AuditAction action, String actor, String detail) {
        securityEvent(action, actor, detail, clientIp());
    }

    /** Records a security event of a request handled in the background, with the client address it came from. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void securityEvent(AuditAction action, String actor, String detail, String ip) {
        String changes = detail == null
                ? null
                : JsonTexts.object().add("detail", detail).build().toString();
        write(new AuditEntry(action, actor, ip, "Security", null, actor, changes));
    }

    private void write(AuditEntry entry) {
        em.persist(entry);
        String line = "audit request=" + RequestId.current() + " action=" + entry.getAction() + " actor="
                + loggable(entry.getActor()) + " ip=" + entry.getClientIp() + " entity=" + entry.getEntityType()
                + (entry.getEntityId() == null ? "" : "#" + entry.getEntityId());
        AuditAction action = entry.getAction();
        // one line and one metric per entry that really committed; a rolled-back write leaves neither
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    LOG.info(line);
                    count(action);
                }
            }
        });
    }

    /** The entries of one record, newest first. Callers check that the record may be seen. */
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
    public List<AuditEntry> history(String entityType, String entityId, int limit) {
        return em.createQuery(
                        "select a from AuditEntry a where a.entityType = :type and a.entityId = :id"
                                + " order by a.at desc, a.id desc",
                        AuditEntry.class)
                .setParameter("type", entityType)
                .setParameter("id", entityId)
                .setMaxResults(limit)
                .getResultList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
    public Optional<AuditEntry> latest(String entityType, String entityId) {
        return history(entityType, entityId, 1).stream().findFirst();
    }

    /** Deletes entries older than the cut-off and records that it did; the only delete there is. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeBefore(OffsetDateTime cutOff) {
        int purged = em.createQuery("delete from AuditEntry a where a.at < :cutOff")
                .setParameter("cutOff", cutOff)
                .executeUpdate();
        write(new AuditEntry(
                AuditAction.PURGE,
                "system",
                null,
                "AuditEntry",
                null,
                "Retention",
                JsonTexts.object()
                        .add("before", cutOff.toString())
                        .add("purged", purged)
                        .build()
                        .toString()));
        return purged;
    }

    /** {@code {"field": {"old": …, "new": …}}} for every field whose text differs. */
    public static String diff(Map<String, String> before, Map<String, String> after) {
        return diff(before, after, Map.of(), Map.of());
    }

    /**
     * As {@link #diff(Map, Map)}, and a changed relation also keeps the ids of the records it named
     * ({@code "oldRef"}, {@code "newRef"}; see {@code ValueText.references}), so that reverting it
     * finds the very records, whatever their labels are now.
     */
    public static String diff(
            Map<String, String> before,
            Map<String, String> after,
            Map<String, String> referencesBefore,
            Map<String, String> referencesAfter) {
        JsonObjectBuilder json = JsonTexts.object();
        java.util.Set<String> names = new java.util.LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            // a relation to another record of the same label is a change too
            if (!Objects.equals(emptyToNull(old), emptyToNull(now))
                    || !Objects.equals(
                            emptyToNull(referencesBefore.get(name)), emptyToNull(referencesAfter.get(name)))) {
                JsonObjectBuilder change = JsonTexts.object();
                addNullable(change, "old", emptyToNull(old));
                addNullable(change, "new", emptyToNull(now));
                if (referencesBefore.containsKey(name) || referencesAfter.containsKey(name)) {
                    addNullable(change, "oldRef", emptyToNull(referencesBefore.get(name)));
                    addNullable(change, "newRef", emptyToNull(referencesAfter.get(name)));
                }
                json.add(name, change);
            }
        }
        return json.build().toString();
    }

    /** Adds a field recorded as {@value #CHANGED}, never with its value, to a diff. */
    public static String withSecret(String diffJson, String field) {
        JsonObjectBuilder json = JsonTexts.object(JsonTexts.readObject(diffJson));
        return json.add(field, CHANGED).build().toString();
    }

    private static void addNullable(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }

    /**
     * The actor as a log may show it: an e-mail address, or nothing. Whatever else was typed into
     * the email field of a failed login (a password, by mistake) or could forge a line stays out.
     */
    static String loggable(String actor) {
        if (actor == null || actor.equals("system")) {
            return actor == null ? "-" : actor;
        }
        return actor.matches("[^\\s@]{1,64}@[^\\s@]{1,255}") ? actor : "(not an e-mail address)";
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private String caller() {
        Principal principal = session.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        return name == null || name.equalsIgnoreCase("ANONYMOUS") ? null : name;
    }

    private String clientIp() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }

    /** The metric a committed entry counts toward, if any. */
    private void count(AuditAction action) {
        switch (action) {
            case LOGIN_SUCCESS -> metrics.signIn(true);
            case LOGIN_FAILURE -> metrics.signIn(false);
            case LOCKOUT -> metrics.lockout();
            case LOGOUT, PASSWORD_RESET, FORBIDDEN, PURGE -> {
                // security events without a metric of their own
            }
            default -> metrics.adminWrite(action.name());
        }
    }
}
