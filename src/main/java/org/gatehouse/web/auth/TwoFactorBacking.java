package org.gatehouse.web.auth;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.RecoveryCodes;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.identity.Totp;
import org.gatehouse.identity.TwoFactorService;
import org.gatehouse.web.StepUpPrompt;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The account's two-factor page: set up an authenticator app (QR code and key, confirmed by its
 * first code), see the recovery codes once, create new ones, or turn the factor off where no role
 * requires it. A user whose role requires a factor is kept on this page until it is set up.
 */
@Named("twoFactor")
@ViewScoped
public class TwoFactorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient TwoFactorService service;

    private boolean enrolled;
    /** The key offered for setup: kept in this view only, stored (encrypted) once a code of it is right. */
    private String key;

    private String code;
    private List<String> recoveryCodes = List.of();

    @PostConstruct
    void init() {
        enrolled = service.enrolled(email());
        key = enrolled ? null : Totp.newKey();
    }

    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }

    private static String email() {
        return Faces.getRemoteUser();
    }

    public void enable() {
        try {
            recoveryCodes = List.copyOf(service.enrol(key, code));
            enrolled = true;
            key = null;
            SessionFormAuthentication.enrolled(Faces.getRequest().getSession());
            Messages.addGlobalInfo(TextBean.text("account.twoFactor.enabled"));
        } catch (IdentityException e) {
            error(e.getField() == null ? null : "factor:code", e);
        }
        code = null;
    }

    public void renewCodes() {
        try {
            recoveryCodes = List.copyOf(service.renewRecoveryCodes());
            Messages.addGlobalInfo(TextBean.text("account.twoFactor.renewed"));
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces(), "factor:renew");
        } catch (IdentityException e) {
            error(null, e);
        }
    }

    public void turnOff() {
        try {
            service.removeOwn(groups());
            // the factor's removal ends every session of the account, this one included
            Faces.invalidateSession();
            faces().getExternalContext().redirect(Faces.getRequestContextPath() + "/login?signedOut=true");
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces(), "factor:turnOff");
        } catch (IdentityException e) {
            error(null, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<SessionFormAuthentication.SignedIn> signedIn() {
        return SessionFormAuthentication.signedIn(Faces.getRequest().getSession(false));
    }

    private static Set<String> groups() {
        return signedIn().map(SessionFormAuthentication.SignedIn::groups).orElse(Set.of());
    }

    /** Whether a role of the caller requires a factor (then it cannot be turned off). */
    public boolean isRequired() {
        return service.requiredFor(groups());
    }

    /** Whether the caller is held on this page until a factor is set up. */
    public boolean isMustEnrol() {
        return signedIn().map(SessionFormAuthentication.SignedIn::mustEnrol).orElse(false);
    }

    public String getQrCode() {
        return key == null ? null : QrImage.dataUri(Totp.uri(TwoFactorService.ISSUER, email(), key));
    }

    /** The key as people type it: groups of four. */
    public String getKeyText() {
        return key == null ? null : key.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getRecoveryCodesDownload() {
        return RecoveryCodesFile.dataUri(email(), recoveryCodes);
    }

    /** How many recovery codes a new set has. */
    public int getRecoveryCodesPerSet() {
        return RecoveryCodes.PER_SET;
    }

    public int getRecoveryCodesLeft() {
        return enrolled ? service.recoveryCodesLeft() : 0;
    }

    /** After a sign-in with a recovery code: how many are left, as the sign-in step passed it on. */
    public Integer getCodesLeftAfterSignIn() {
        String left = Faces.getRequestParameter("recoveryCodesLeft");
        return left != null && left.matches("\\d{1,2}") ? Integer.valueOf(left) : null;
    }

    private static void error(String clientId, IdentityException refusal) {
        Messages.addError(clientId, refusal.getText().text(TextBean.locale()));
        Faces.validationFailed();
    }

    public boolean isEnrolled() {
        return enrolled;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
