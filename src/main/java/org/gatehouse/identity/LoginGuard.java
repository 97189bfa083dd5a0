package org.gatehouse.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;

/**
 * Brute-force protection and login tracking, consulted by the identity store handler on every
 * credential check: {@code GATEHOUSE_LOCKOUT_ATTEMPTS} failures (default 5) within
 * {@code GATEHOUSE_LOCKOUT_WINDOW_MINUTES} (15) lock the account for
 * {@code GATEHOUSE_LOCKOUT_MINUTES} (15), during which even the right password is refused.
 * Each step commits on its own, whatever the login's outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginGuard {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_LOCKOUT_ATTEMPTS", defaultValue = "5")
    private int maxFailures;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_LOCKOUT_WINDOW_MINUTES", defaultValue = "15")
    private long windowMinutes;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_LOCKOUT_MINUTES", defaultValue = "15")
    private long lockMinutes;

    public boolean isLocked(String email) {
        return user(email, false).map(user -> user.isLocked(now())).orElse(false);
    }

    public void succeeded(String email, String ip) {
        user(email, true).ifPresent(user -> user.recordLogin(ip, now()));
    }

    public void failed(String email, String ip) {
        user(email, true).ifPresent(user -> {
            if (user.recordFailure(now(), maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes))) {
                audit.securityEvent(AuditAction.LOCKOUT, user.getEmail(), "locked until " + user.getLockedUntil()
                        + " after " + user.getFailedCount() + " failed logins" + (ip == null ? "" : " from " + ip));
            }
        });
    }

    /** The value a live session of this user must carry; empty when the user may not be signed in. */
    public Optional<String> sessionStamp(String email) {
        return user(email, false).filter(User::isActive).map(User::getSessionStamp);
    }

    private Optional<User> user(String email, boolean forUpdate) {
        var query = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", User.normalizeEmail(email));
        if (forUpdate) {
            // concurrent attempts on one account must not lose a failure
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
