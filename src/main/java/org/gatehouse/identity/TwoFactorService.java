package org.gatehouse.identity;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.Roles;
import org.gatehouse.ops.RequestId;

/**
 * Two-factor sign-in (TOTP, RFC 6238) with recovery codes, and the proof of identity that dangerous
 * operations ask for again ({@link StepUp}). Every code and password typed here counts toward the
 * same lockout as the sign-in page's passwords ({@link LoginGuard}); no answer says which of the
 * two was wrong. Roles listed in {@code GATEHOUSE_MFA_REQUIRED_ROLES} may not work without a factor.
 * <p>
 * Runs without a transaction of its own: the lockout count, the code check and the audit entry
 * each commit separately, so a refused code stays counted whatever happens next.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TwoFactorService {

    private static final Logger LOG = Logger.getLogger(TwoFactorService.class.getName());

    /** The issuer name authenticator apps show next to the account. */
    public static final String ISSUER = "Gatehouse";

    @Inject
    private SecondFactorStore store;

    @Inject
    private LoginGuard guard;

    @Inject
    private AccountState accounts;

    @Inject
    private AuditLog audit;

    @Inject
    private StepUp stepUp;

    @Resource
    private SessionContext caller;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_MFA_REQUIRED_ROLES")
    private java.util.Optional<String> requiredRoles;

    /** Whether holding these roles requires a second factor. */
    public boolean requiredFor(Collection<String> roles) {
        Set<String> required = Arrays.stream(requiredRoles.orElse("").split(","))
                .map(String::strip)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        return roles.stream().anyMatch(required::contains);
    }

    public boolean enrolled(String email) {
        return email != null && store.enrolled(email);
    }

    /**
     * The code step of sign-in, after a right password: counted like a password attempt, refused
     * when the account is locked, a replayed code refused and recorded.
     */
    public SecondFactorStore.Check verifySignIn(String email, String typed, String ip) {
        if (guard.begin(email, ip) != LoginGuard.Attempt.ALLOWED) {
            return new SecondFactorStore.Check(SecondFactorStore.Outcome.WRONG, 0);
        }
        SecondFactorStore.Check check = store.consume(email, typed);
        if (check.passed()) {
            guard.succeeded(email, ip);
            if (check.outcome() == SecondFactorStore.Outcome.RECOVERY_CODE) {
                audit.securityEvent(
                        AuditAction.RECOVERY_CODE_USED, email, check.recoveryCodesLeft() + " recovery codes left");
            }
        } else {
            guard.failed(email, ip);
            refused(check, email, "sign-in");
        }
        return check;
    }

    private void refused(SecondFactorStore.Check check, String email, String where) {
        if (check.outcome() == SecondFactorStore.Outcome.REPLAY) {
            LOG.warning(() -> "request=" + RequestId.current() + " refused a replayed second-factor code at " + where);
            audit.securityEvent(AuditAction.MFA_REPLAY, email, "a code already used was refused at " + where);
        }
    }

    /**
     * Turns on the caller's second factor once a code of the key shown to them is right; returns
     * the recovery codes to show once. A wrong code counts toward the lockout.
     */
    public List<String> enrol(String key, String code) {
        String email = callerEmail();
        if (guard.begin(email, null) != LoginGuard.Attempt.ALLOWED) {
            throw new IdentityException("code", Message.of("identity.tooManyAttempts"));
        }
        List<String> codes = store.enable(email, key, code).orElse(null);
        if (codes == null) {
            guard.failed(email, null);
            throw new IdentityException("code", Message.of("identity.factor.codeWrong"));
        }
        guard.passed(email);
        audit.securityEvent(AuditAction.MFA_ENROLLED, email, "authenticator app");
        return codes;
    }

    /** A new set of recovery codes for the caller (the old set stops working). */
    public List<String> renewRecoveryCodes() {
        stepUp.require("create new recovery codes");
        String email = callerEmail();
        List<String> codes = store.renewCodes(email);
        audit.securityEvent(AuditAction.RECOVERY_CODES_RENEWED, email, null);
        return codes;
    }

    public int recoveryCodesLeft() {
        return accounts.id(callerEmail()).map(store::codesLeft).orElse(0);
    }

    /** Turns off the caller's own factor, unless a role of theirs requires one. */
    public void removeOwn(Collection<String> callerRoles) {
        stepUp.require("turn off two-factor sign-in");
        if (requiredFor(callerRoles)) {
            throw new IdentityException(null, Message.of("identity.factor.required"));
        }
        String email = callerEmail();
        accounts.id(email)
                .flatMap(store::remove)
                .ifPresent(removed -> audit.securityEvent(AuditAction.MFA_REMOVED, email, "by the user"));
    }

    /** An administrator removes another user's factor (a lost phone); that user's sessions end. */
    @RolesAllowed(Roles.ADMIN)
    public boolean reset(long userId) {
        stepUp.require("reset a user's second factor");
        String admin = callerEmail();
        return store.remove(userId)
                .map(email -> {
                    audit.securityEvent(AuditAction.MFA_RESET, admin, "reset the second factor of " + email);
                    return true;
                })
                .orElse(false);
    }

    /**
     * Proof of identity for the next dangerous operations: the caller's password, and a code when
     * enrolled. Counted toward the lockout; a failure is audited. Throws when not proven.
     */
    public void reauthenticate(String password, String code) {
        String email = callerEmail();
        if (guard.begin(email, null) != LoginGuard.Attempt.ALLOWED) {
            audit.securityEvent(AuditAction.STEP_UP_FAILED, email, "locked");
            throw new IdentityException(null, Message.of("identity.tooManyAttempts"));
        }
        boolean proven = store.passwordMatches(email, password);
        if (proven && store.enrolled(email)) {
            SecondFactorStore.Check check = store.consume(email, code);
            refused(check, email, "confirmation");
            proven = check.passed();
        }
        if (!proven) {
            guard.failed(email, null);
            audit.securityEvent(AuditAction.STEP_UP_FAILED, email, null);
            throw new IdentityException(null, Message.of("identity.passwordOrCodeWrong"));
        }
        guard.passed(email);
        audit.securityEvent(AuditAction.STEP_UP, email, null);
    }

    private String callerEmail() {
        Principal principal = caller.getCallerPrincipal();
        if (principal == null || "ANONYMOUS".equals(principal.getName())) {
            throw new IdentityException(null, Message.of("identity.signInFirst"));
        }
        return User.normalizeEmail(principal.getName());
    }
}
