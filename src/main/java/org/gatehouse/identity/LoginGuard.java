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
 * Brute-force protection and login tracking, consulted wherever a password is checked (sign-in
 * and the account page): {@code GATEHOUSE_LOCKOUT_ATTEMPTS} failures (default 5) within
 * {@code GATEHOUSE_LOCKOUT_WINDOW_MINUTES} (15) lock the account for
 * {@code GATEHOUSE_LOCKOUT_MINUTES} (15), during which even the right password is refused.
 * <p>
 * The lock is decided before a password is believed: {@link #begin} counts the attempt under a
 * row lock and refuses once the limit is used up, however many attempts run at the same time;
 * a right password then gives back only its own count. Each step commits on its own, whatever
 * the outcome of the request around it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginGuard {

    /** Whether a password may be checked for an account. */
    public enum Attempt {
        /** Counted; check the password, then report {@link #failed} or {@link #succeeded}. */
        ALLOWED,
        /** Locked, or the limit is used up: refuse without looking at the password. */
        REFUSED,
        /** No active account of that name: refuse (after the same amount of work). */
        UNKNOWN
    }

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

    /** Counts one password attempt on the account, or refuses it. */
    public Attempt begin(String email, String ip) {
        User user = lockedRow(email).orElse(null);
        if (user == null || !user.isActive()) {
            return Attempt.UNKNOWN;
        }
        OffsetDateTime now = now();
        if (user.isLocked(now)) {
            return Attempt.REFUSED;
        }
        if (!user.reserveAttempt(now, maxFailures, Duration.ofMinutes(windowMinutes))) {
            lock(user, now, ip);
            return Attempt.REFUSED;
        }
        return Attempt.ALLOWED;
    }

    /** The counted attempt had the right password and signed in. */
    public void succeeded(String email, String ip) {
        lockedRow(email).ifPresent(user -> user.recordLogin(ip, now()));
    }

    /** The counted attempt had the right password but was not a sign-in (e.g. the account page). */
    public void passed(String email) {
        lockedRow(email).ifPresent(User::releaseAttempt);
    }

    /** The counted attempt had a wrong password: it stays counted, and may lock the account. */
    public void failed(String email, String ip) {
        lockedRow(email).ifPresent(user -> lock(user, now(), ip));
    }

    private void lock(User user, OffsetDateTime now, String ip) {
        if (user.lockIfExhausted(now, maxFailures, Duration.ofMinutes(lockMinutes))) {
            audit.securityEvent(
                    AuditAction.LOCKOUT,
                    user.getEmail(),
                    "locked until " + user.getLockedUntil() + " after " + user.getFailedCount() + " failed attempts"
                            + (ip == null ? "" : " from " + ip));
        }
    }

    /** The account's row, locked until this step commits: attempts on one account are counted one at a time. */
    private Optional<User> lockedRow(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", User.normalizeEmail(email))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
