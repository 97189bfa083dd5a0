package org.gatehouse.identity;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;

/**
 * What a person does with their own account: register (when {@code GATEHOUSE_REGISTRATION=open})
 * and change their password. Registered users get no role: they can sign in, but see nothing
 * until an administrator grants access.
 */
@Stateless
@PermitAll
public class AccountService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    private Validator validator;

    @Inject
    private LoginGuard guard;

    @Inject
    private PasswordResetService resets;

    @Resource
    private SessionContext caller;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_REGISTRATION", defaultValue = "closed")
    private String registration;

    public boolean isRegistrationOpen() {
        return "open".equalsIgnoreCase(registration.strip());
    }

    /**
     * Creates an account without any role. An email that is already registered is accepted
     * silently, so that registration never tells whether an address has an account.
     */
    public void register(String email, String password) {
        if (!isRegistrationOpen()) {
            throw new IdentityException(null, Message.of("identity.registrationClosed"));
        }
        String normalized = User.normalizeEmail(email);
        if (normalized == null
                || !validator.validateValue(User.class, "email", normalized).isEmpty()) {
            throw new IdentityException("email", Message.of("identity.email.invalid"));
        }
        PasswordPolicy.check(password, normalized);
        // hashed whether or not the address is taken, so that the answer takes as long either way
        String hash = hasher.hash(password);
        boolean exists = !em.createQuery("select u.id from User u where u.email = :email", Long.class)
                .setParameter("email", normalized)
                .getResultList()
                .isEmpty();
        if (exists) {
            return;
        }
        User user = new User(normalized, hash);
        em.persist(user);
        em.flush();
        audit.record(
                AuditAction.CREATE,
                User.class.getSimpleName(),
                String.valueOf(user.getId()),
                normalized,
                AuditLog.withSecret(AuditLog.diff(Map.of(), Map.of("email", normalized, "active", "Yes")), "password"));
    }

    /**
     * Changes the caller's own password after checking the current one. Other sessions of the
     * caller end unless the caller chose to keep them; the returned stamp lets the current session
     * carry on.
     */
    public String changeOwnPassword(String currentPassword, String newPassword, boolean endOtherSessions) {
        Principal principal = caller.getCallerPrincipal();
        String email = principal == null ? null : User.normalizeEmail(principal.getName());
        User user = email == null
                ? null
                : em.createQuery("select u from User u where u.email = :email", User.class)
                        .setParameter("email", email)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (user == null || !user.isActive()) {
            throw new IdentityException(null, Message.of("identity.password.signInAgain"));
        }
        // guesses here count toward the same lockout as on the sign-in page
        if (guard.begin(email, null) != LoginGuard.Attempt.ALLOWED) {
            throw new IdentityException("currentPassword", Message.of("identity.password.tooManyWrong"));
        }
        if (currentPassword == null || !hasher.verify(currentPassword, user.getPasswordHash())) {
            guard.failed(email, null);
            throw new IdentityException("currentPassword", Message.of("identity.password.currentWrong"));
        }
        guard.passed(email);
        PasswordPolicy.check(newPassword, user.getEmail());
        String newHash = hasher.hash(newPassword);
        // the guard's own transactions change the row: read it afresh, locked until this one commits
        em.refresh(user, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        String stamp = user.getSessionStamp();
        user.setPasswordHash(newHash);
        if (!endOtherSessions) {
            user.keepStamp(stamp);
        }
        resets.invalidateAll(user);
        audit.record(
                AuditAction.PASSWORD_CHANGE,
                User.class.getSimpleName(),
                String.valueOf(user.getId()),
                user.getEmail(),
                AuditLog.withSecret("{}", "password"));
        return user.getSessionStamp();
    }

    /** Remembers the signed-in caller's language for their next sign-in (null: follow the browser). */
    public void rememberLanguage(String language) {
        String email = caller.getCallerPrincipal() == null
                ? null
                : caller.getCallerPrincipal().getName();
        if (email == null) {
            return;
        }
        em.createQuery("update User u set u.language = :language where u.email = :email")
                .setParameter("language", language)
                .setParameter("email", email)
                .executeUpdate();
    }

    /** The language a user chose, or null. */
    public String languageOf(String email) {
        // "is not null": a null first result would make findFirst throw
        return em.createQuery(
                        "select u.language from User u where u.email = :email and u.language is not null", String.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
