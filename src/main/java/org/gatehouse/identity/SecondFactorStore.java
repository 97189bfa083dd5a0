package org.gatehouse.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gatehouse.i18n.Message;

/**
 * The second-factor data of accounts, each step in a transaction of its own that holds the
 * account's row lock: two requests with the same code are decided one after the other, so a
 * code is accepted once however they race. Called by {@link TwoFactorService} only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SecondFactorStore {

    /** What a typed code turned out to be. */
    public enum Outcome {
        CODE,
        RECOVERY_CODE,
        WRONG,
        REPLAY
    }

    /** The outcome, and how many recovery codes are left after it. */
    public record Check(Outcome outcome, int recoveryCodesLeft) {
        public boolean passed() {
            return outcome == Outcome.CODE || outcome == Outcome.RECOVERY_CODE;
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SecretBox box;

    @Inject
    private PasswordHasher hasher;

    /** Whether the account exists, is active and has a second factor. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean enrolled(String email) {
        return !em.createQuery(
                        "select u.id from User u where u.email = :email and u.active = true"
                                + " and u.totpSecret is not null",
                        Long.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultList()
                .isEmpty();
    }

    /** Checks a typed code (authenticator or recovery) and uses it up when right. */
    public Check consume(String email, String typed) {
        User user = locked(email).orElse(null);
        if (user == null || !user.isActive() || !user.hasSecondFactor() || typed == null) {
            return new Check(Outcome.WRONG, 0);
        }
        String code = typed.strip().replace(" ", "");
        if (code.length() == Totp.DIGITS) {
            Optional<String> key = box.open(user.getTotpSecret(), user.getId());
            OptionalLong step = key.isEmpty()
                    ? OptionalLong.empty()
                    : Totp.matchingStep(key.get(), code, Totp.step(Instant.now().getEpochSecond()));
            if (step.isEmpty()) {
                return new Check(Outcome.WRONG, 0);
            }
            return new Check(user.useStep(step.getAsLong()) ? Outcome.CODE : Outcome.REPLAY, 0);
        }
        String recovery = RecoveryCodes.normalize(code);
        if (recovery == null) {
            return new Check(Outcome.WRONG, 0);
        }
        int used = em.createNativeQuery("update recovery_codes set used_at = ? where user_id = ? and code_hash = ?"
                        + " and used_at is null")
                .setParameter(1, now())
                .setParameter(2, user.getId())
                .setParameter(3, RecoveryCodes.hash(recovery))
                .executeUpdate();
        return new Check(used == 1 ? Outcome.RECOVERY_CODE : Outcome.WRONG, codesLeft(user.getId()));
    }

    /** Whether the password is the account's; the caller counts the attempt. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean passwordMatches(String email, String password) {
        return em.createQuery("select u from User u where u.email = :email and u.active = true", User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst()
                .map(user -> password != null && hasher.verify(password, user.getPasswordHash()))
                .orElse(false);
    }

    /**
     * Turns the second factor on with the key the user's app was given, once a code of it is
     * right; returns the first set of recovery codes, or empty when the code is not right.
     */
    public Optional<List<String>> enable(String email, String key, String typed) {
        User user = locked(email)
                .filter(User::isActive)
                .orElseThrow(() -> new IdentityException(null, Message.of("identity.factor.signInAgain")));
        if (user.hasSecondFactor()) {
            throw new IdentityException(null, Message.of("identity.factor.alreadyOn"));
        }
        OptionalLong step = Totp.matchingStep(
                key,
                typed == null ? null : typed.strip(),
                Totp.step(Instant.now().getEpochSecond()));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        user.enableSecondFactor(box.seal(key, user.getId()), step.getAsLong(), now());
        return Optional.of(replaceCodes(user.getId()));
    }

    /** A new set of recovery codes; the old set stops working. */
    public List<String> renewCodes(String email) {
        User user = locked(email)
                .filter(User::hasSecondFactor)
                .orElseThrow(() -> new IdentityException(null, Message.of("identity.factor.notOn")));
        return replaceCodes(user.getId());
    }

    /** Removes the factor of an account (by id); returns its email, or empty when it had none. */
    public Optional<String> remove(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.hasSecondFactor()) {
            return Optional.empty();
        }
        user.removeSecondFactor();
        em.createNativeQuery("delete from recovery_codes where user_id = ?")
                .setParameter(1, userId)
                .executeUpdate();
        return Optional.of(user.getEmail());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int codesLeft(long userId) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from recovery_codes where user_id = ? and used_at is null")
                        .setParameter(1, userId)
                        .getSingleResult())
                .intValue();
    }

    private List<String> replaceCodes(long userId) {
        em.createNativeQuery("delete from recovery_codes where user_id = ?")
                .setParameter(1, userId)
                .executeUpdate();
        List<String> codes = RecoveryCodes.newSet();
        for (String code : codes) {
            em.createNativeQuery("insert into recovery_codes (user_id, code_hash) values (?, ?)")
                    .setParameter(1, userId)
                    .setParameter(2, RecoveryCodes.hash(RecoveryCodes.normalize(code)))
                    .executeUpdate();
        }
        return codes;
    }

    private Optional<User> locked(String email) {
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
