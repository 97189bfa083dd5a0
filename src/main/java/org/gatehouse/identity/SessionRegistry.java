package org.gatehouse.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.Roles;

/**
 * The signed-in sessions of every user, in the database: opened at sign-in, checked (and their
 * last-seen time refreshed, at most once a minute) by the authentication mechanism on every
 * request, ended by their user or an administrator. An ended session is refused on its next
 * request on whichever node it arrives.
 */
@Stateless
@PermitAll
public class SessionRegistry {

    /** How stale a session's last-seen time may get before a request refreshes it. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private AccountState accounts;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext caller;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SESSION_TIMEOUT_MINUTES", defaultValue = "30")
    private int timeoutMinutes;

    /** What a request needs to know about its session: the account's stamp, and whether it was ended. */
    public record Liveness(String stamp, boolean ended, OffsetDateTime lastSeen, boolean secondFactor) {}

    /** Records a new session of an account; returns its id. Sessions long over are cleared away. */
    public String open(String email, String ip, String userAgent) {
        User user = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getSingleResult();
        Long userId = user.getId();
        OffsetDateTime now = now();
        em.createQuery("delete from UserSession s where s.userId = :user and s.lastSeenAt < :before")
                .setParameter("user", userId)
                .setParameter("before", now.minusDays(7))
                .executeUpdate();
        String id = UUID.randomUUID().toString();
        em.persist(new UserSession(id, userId, user.getSessionStamp(), now, ip, printable(userAgent)));
        return id;
    }

    /**
     * The account's stamp and the session's state; empty when the account may not be signed in or the
     * session is unknown. A plain read without a transaction: when the database is down, its failure
     * reaches the caller as the connection's own error (which the outage page recognises).
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public Optional<Liveness> check(String email, String sessionId) {
        return em.createQuery(
                        "select u.sessionStamp, s.endedAt, s.lastSeenAt, u.totpSecret from User u, UserSession s"
                                + " where u.email = :email and u.active = true and s.id = :id and s.userId = u.id",
                        Object[].class)
                .setParameter("email", User.normalizeEmail(email))
                .setParameter("id", sessionId)
                .getResultStream()
                .findFirst()
                .map(row -> new Liveness((String) row[0], row[1] != null, (OffsetDateTime) row[2], row[3] != null));
    }

    /** Refreshes a session's last-seen time when it is more than a minute old. */
    public void touch(String sessionId, Liveness seen) {
        if (seen.lastSeen().plus(TOUCH_EVERY).isBefore(now())) {
            em.createQuery("update UserSession s set s.lastSeenAt = :now where s.id = :id and s.endedAt is null")
                    .setParameter("now", now())
                    .setParameter("id", sessionId)
                    .executeUpdate();
        }
    }

    /** A user's sessions that are neither ended nor timed out, newest first. */
    private List<UserSession> live(long userId) {
        // sessions signed in with an older stamp of the account (password, roles or state changed since) are over too
        return em.createQuery(
                        "select s from UserSession s, User u where s.userId = :user and u.id = s.userId"
                                + " and s.stamp = u.sessionStamp and s.endedAt is null and s.lastSeenAt > :since order by s.lastSeenAt desc, s.createdAt desc",
                        UserSession.class)
                .setParameter("user", userId)
                .setParameter("since", now().minusMinutes(timeoutMinutes))
                .getResultList();
    }

    /** Ends one session of a user, or all but {@code keep} when {@code sessionId} is null; returns how many. */
    private int end(long userId, String sessionId, String keep) {
        String jpql = "update UserSession s set s.endedAt = :now where s.userId = :user and s.endedAt is null"
                + (sessionId != null ? " and s.id = :id" : "") + (keep != null ? " and s.id <> :keep" : "");
        var query = em.createQuery(jpql).setParameter("now", now()).setParameter("user", userId);
        if (sessionId != null) {
            query.setParameter("id", sessionId);
        }
        if (keep != null) {
            query.setParameter("keep", keep);
        }
        return query.executeUpdate();
    }

    /** The current session carries on under the account's new stamp (its user changed the password). */
    public void restamp(String sessionId, String stamp) {
        em.createQuery("update UserSession s set s.stamp = :stamp where s.id = :id")
                .setParameter("stamp", stamp)
                .setParameter("id", sessionId)
                .executeUpdate();
    }

    /** The session ended by signing out. */
    public void signedOut(String sessionId) {
        em.createQuery("update UserSession s set s.endedAt = :now where s.id = :id and s.endedAt is null")
                .setParameter("now", now())
                .setParameter("id", sessionId)
                .executeUpdate();
    }

    // ------------------------------------------------------------ what users and admins see and do

    /** The caller's own live sessions. */
    public List<UserSession> mine() {
        return callerId().map(this::live).orElse(List.of());
    }

    /**
     * Ends one of the caller's own sessions, or all but the current one when {@code sessionId} is
     * null; returns how many ended. Another user's session id ends nothing.
     */
    public int endMine(String sessionId, String current) {
        long userId = callerId().orElseThrow(() -> new IdentityException(null, Message.of("identity.signInFirst")));
        int ended = end(userId, sessionId, sessionId == null ? current : null);
        if (ended > 0) {
            audit.securityEvent(
                    AuditAction.SESSIONS_ENDED,
                    caller.getCallerPrincipal().getName(),
                    ended + (ended == 1 ? " session" : " sessions") + " ended by the user");
        }
        return ended;
    }

    /** Any user's live sessions, for an administrator. */
    @RolesAllowed(Roles.ADMIN)
    public List<UserSession> of(long userId) {
        return live(userId);
    }

    /** An administrator ends one session of a user, or all of them when {@code sessionId} is null. */
    @RolesAllowed(Roles.ADMIN)
    public int endFor(long userId, String sessionId) {
        int ended = end(userId, sessionId, null);
        if (ended > 0) {
            String email = em.find(User.class, userId).getEmail();
            audit.securityEvent(
                    AuditAction.SESSIONS_ENDED,
                    caller.getCallerPrincipal().getName(),
                    ended + (ended == 1 ? " session" : " sessions") + " of " + email + " ended by an administrator");
        }
        return ended;
    }

    private Optional<Long> callerId() {
        java.security.Principal principal = caller.getCallerPrincipal();
        return principal == null ? Optional.empty() : accounts.id(principal.getName());
    }

    /** A browser's self-description as stored and shown: printable ASCII only, at most 255 characters. */
    static String printable(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        userAgent.chars().filter(c -> c >= 0x20 && c < 0x7f).limit(255).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
