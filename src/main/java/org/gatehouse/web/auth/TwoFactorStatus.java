package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import org.gatehouse.identity.RecoveryCodes;
import org.gatehouse.identity.TwoFactorService;
import org.gatehouse.web.auth.SessionFormAuthentication.SignedIn;
import org.omnifaces.util.Faces;

/**
 * What the two-factor page says about the signed-in caller, read per request: whether a role
 * requires the factor, whether they are held on the page until it is set up, and how many recovery
 * codes a sign-in left them.
 */
@Named("twoFactorStatus")
@RequestScoped
public class TwoFactorStatus {

    @Inject
    private TwoFactorService service;

    /** The caller's roles as their sign-in recorded them (none without a signed-in session). */
    static Set<String> groups() {
        return SessionFormAuthentication.signedIn(Faces.getSession(false))
                .map(SignedIn::groups)
                .orElse(Set.of());
    }

    /** Whether a role of the caller requires a factor (then it cannot be turned off). */
    public boolean isRequired() {
        return service.requiredFor(groups());
    }

    /** Whether the caller is held on this page until a factor is set up. */
    public boolean isMustEnrol() {
        return SessionFormAuthentication.signedIn(Faces.getSession(false))
                .map(SignedIn::mustEnrol)
                .orElse(false);
    }

    /** How many recovery codes a new set has. */
    public int getRecoveryCodesPerSet() {
        return RecoveryCodes.PER_SET;
    }

    /** After a sign-in with a recovery code: how many are left, as the sign-in step passed it on. */
    public Integer getCodesLeftAfterSignIn() {
        String left = Faces.getRequestParameter("recoveryCodesLeft");
        return left != null && left.matches("\\d{1,2}") ? Integer.valueOf(left) : null;
    }
}
