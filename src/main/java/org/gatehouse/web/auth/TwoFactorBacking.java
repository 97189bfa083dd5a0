package org.gatehouse.web.auth;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.identity.TwoFactorService;
import org.gatehouse.web.StepUpPrompt;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The account's two-factor page: set up an authenticator app (QR code and key, confirmed by its
 * first code), see the recovery codes once, create new ones, or turn the factor off where no role
 * requires it. A user whose role requires a factor is kept on this page until it is set up; what
 * the page says about that is {@link TwoFactorStatus}'s.
 */
@Named("twoFactor")
@ViewScoped
public class TwoFactorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient TwoFactorService service;

    private boolean enrolled;
    /** The key offered for setup, null once a factor is set up. */
    private SetupKey setupKey;

    private String code;
    private List<String> recoveryCodes = List.of();

    @PostConstruct
    void init() {
        enrolled = service.enrolled(Faces.getRemoteUser());
        setupKey = enrolled ? null : SetupKey.fresh(Faces.getRemoteUser());
    }

    public void enable() {
        try {
            recoveryCodes = List.copyOf(service.enrol(setupKey.value(), code));
            enrolled = true;
            setupKey = null;
            SessionFormAuthentication.enrolled(Faces.getSession());
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
            StepUpPrompt.ask(Faces.getContext(), "factor:renew");
        } catch (IdentityException e) {
            error(null, e);
        }
    }

    public void turnOff() {
        try {
            service.removeOwn(TwoFactorStatus.groups());
            // the factor's removal ends every session of the account, this one included
            Faces.invalidateSession();
            Faces.getExternalContext().redirect(Faces.getRequestContextPath() + "/login?signedOut=true");
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(Faces.getContext(), "factor:turnOff");
        } catch (IdentityException e) {
            error(null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void error(String clientId, IdentityException refusal) {
        Messages.addError(clientId, refusal.getText().text(TextBean.locale()));
        Faces.validationFailed();
    }

    public SetupKey getSetupKey() {
        return setupKey;
    }

    public String getRecoveryCodesDownload() {
        return RecoveryCodesFile.dataUri(Faces.getRemoteUser(), recoveryCodes);
    }

    public int getRecoveryCodesLeft() {
        return enrolled ? service.recoveryCodesLeft() : 0;
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
