package org.gatehouse.web.auth;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.RecoveryCodes;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.identity.Totp;
import org.gatehouse.identity.TwoFactorService;
import org.gatehouse.web.StepUpPrompt;
import org.gatehouse.web.i18n.TextBean;

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
        return faces().getExternalContext().getRemoteUser();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) faces().getExternalContext().getRequest();
    }

    public void enable() {
        try {
            recoveryCodes = List.copyOf(service.enrol(key, code));
            enrolled = true;
            key = null;
            SessionFormAuthentication.enrolled(request().getSession());
            info(TextBean.text("account.twoFactor.enabled"));
        } catch (IdentityException e) {
            error(e.getField() == null ? null : "factor:code", e);
        }
        code = null;
    }

    public void renewCodes() {
        try {
            recoveryCodes = List.copyOf(service.renewRecoveryCodes());
            info(TextBean.text("account.twoFactor.renewed"));
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
            faces().getExternalContext().invalidateSession();
            faces().getExternalContext().redirect(faces().getExternalContext().getRequestContextPath()
                    + "/login?signedOut=true");
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces(), "factor:turnOff");
        } catch (IdentityException e) {
            error(null, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> groups() {
        return SessionFormAuthentication.signedIn(request().getSession(false))
                .map(SessionFormAuthentication.SignedIn::groups).orElse(Set.of());
    }

    /** Whether a role of the caller requires a factor (then it cannot be turned off). */
    public boolean isRequired() {
        return service.requiredFor(groups());
    }

    /** Whether the caller is held on this page until a factor is set up. */
    public boolean isMustEnrol() {
        return SessionFormAuthentication.signedIn(request().getSession(false))
                .map(SessionFormAuthentication.SignedIn::mustEnrol).orElse(false);
    }

    public String getQrCode() {
        return key == null ? null : QrImage.dataUri(Totp.uri(TwoFactorService.ISSUER, email(), key));
    }

    /** The key as people type it: groups of four. */
    public String getKeyText() {
        return key == null ? null : key.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getRecoveryCodesDownload() {
        String text = TextBean.text("account.twoFactor.file.title", email()) + "\r\n"
                + TextBean.text("account.twoFactor.file.once") + "\r\n\r\n" + String.join("\r\n", recoveryCodes) + "\r\n";
        return "data:text/plain;charset=utf-8;base64," + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Shown once in the page (outside any repeat or rendered condition): one query per render. */
    /** How many recovery codes a new set has. */
    public int getRecoveryCodesPerSet() {
        return RecoveryCodes.PER_SET;
    }

    public int getRecoveryCodesLeft() {
        return enrolled ? service.recoveryCodesLeft() : 0;
    }

    /** After a sign-in with a recovery code: how many are left, as the sign-in step passed it on. */
    public Integer getCodesLeftAfterSignIn() {
        String left = faces().getExternalContext().getRequestParameterMap().get("recoveryCodesLeft");
        return left != null && left.matches("\\d{1,2}") ? Integer.valueOf(left) : null;
    }

    private static void info(String text) {
        faces().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String clientId, IdentityException refusal) {
        faces().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getText().text(TextBean.locale()), null));
        faces().validationFailed();
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
