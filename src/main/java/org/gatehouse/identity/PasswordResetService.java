package org.gatehouse.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.i18n.Texts;

/**
 * "Forgot password": a single-use link, valid one hour, sent by e-mail (see {@link MailSettings}).
 * Asking for a link answers the same, in the same time, whether or not the address has an
 * account (the work is done in the background); only a hash of the token is stored. Only the newest link of an account works, and
 * none survives a change of the account's password, roles or state.
 */
@Stateless
@PermitAll
public class PasswordResetService {

    static final Duration VALIDITY = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    private MailSettings mail;

    @Inject
    private jakarta.enterprise.event.Event<ResetMail.Link> linkSent;

    /** Whether mail can be sent at all; without it the "forgot password" link is not offered. */
    public boolean isAvailable() {
        return mail.isAvailable();
    }

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    @Inject
    private jakarta.enterprise.inject.Instance<jakarta.servlet.http.HttpServletRequest> request;

    /**
     * Sends a reset link to the address if it belongs to an active user; says nothing either way.
     * All of the work, database included, happens in the background: the answer takes the same time
     * whether or not the address has an account. The e-mail is in the language the user chose, else
     * in the language of the page they asked on.
     */
    public void requestReset(String email, Locale language) {
        if (!isAvailable()) {
            return;
        }
        String ip;
        try {
            ip = request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException e) {
            ip = null;
        }
        context.getBusinessObject(PasswordResetService.class).issueLink(email, ip, language);
    }

    /** The background part of {@link #requestReset}: a new link for an active account, mailed after commit. */
    @jakarta.ejb.Asynchronous
    public void issueLink(String email, String ip, Locale language) {
        String normalized = User.normalizeEmail(email);
        User user = em.createQuery("select u from User u where u.email = :email and u.active = true", User.class)
                .setParameter("email", normalized)
                .getResultStream()
                .findFirst()
                .orElse(null);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String tokenHash = hash(token);
        if (user == null) {
            return;
        }
        // one request per account at a time, so that of two simultaneous requests only the newer link works
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        invalidateAll(user);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(new PasswordReset(user, tokenHash, now, now.plus(VALIDITY)));
        audit.securityEvent(AuditAction.PASSWORD_RESET, user.getEmail(), "reset link sent", ip);
        // mailed once the link is stored (after commit), in the background
        Locale chosen = user.getLanguage() == null ? language : Locale.forLanguageTag(user.getLanguage());
        linkSent.fire(new ResetMail.Link(
                user.getEmail(), mail.baseUrl().orElseThrow() + "/reset?token=" + token, Texts.supported(chosen)));
    }

    /** Voids every link of the account not used yet: a newer link, or a password set another way. */
    public void invalidateAll(User user) {
        em.createQuery("update PasswordReset r set r.usedAt = :now where r.user = :user and r.usedAt is null")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("user", user)
                .executeUpdate();
    }

    /** Whether a link's token can still be used, to show the form or say it expired. */
    public boolean isValid(String token) {
        return find(token, false)
                .filter(reset -> reset.isUsable(OffsetDateTime.now(ZoneOffset.UTC)))
                .isPresent();
    }

    /** Sets the new password through a valid link, which can then never be used again. */
    public void resetPassword(String token, String newPassword) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // locked: of two requests with the same link at the same moment, the second waits and finds it used
        PasswordReset reset = find(token, true)
                .filter(candidate -> candidate.isUsable(now))
                .orElseThrow(() -> new IdentityException(null, Message.of("identity.resetLink.invalid")));
        User user = reset.getUser();
        PasswordPolicy.check(newPassword, user.getEmail());
        String newHash = hasher.hash(newPassword);
        // sign-in attempts update the row in their own transactions: read it afresh, locked until commit
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (!reset.isUsable(now)) {
            throw new IdentityException(null, Message.of("identity.resetLink.invalid"));
        }
        user.setPasswordHash(newHash);
        user.unlock();
        reset.markUsed(now);
        invalidateAll(user);
        audit.record(
                AuditAction.PASSWORD_RESET,
                User.class.getSimpleName(),
                String.valueOf(user.getId()),
                user.getEmail(),
                AuditLog.withSecret("{}", "password"));
    }

    private Optional<PasswordReset> find(String token, boolean forUpdate) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        var query = em.createQuery("select r from PasswordReset r where r.tokenHash = :hash", PasswordReset.class)
                .setParameter("hash", hash(token));
        if (forUpdate) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
