package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.TwoFactorService;
import org.gatehouse.web.i18n.TextBean;

/**
 * "Confirm it is you": the password (and a code, when enrolled) asked for before a dangerous
 * operation, in the dialog every admin page carries ({@link #confirm}, after which the page runs
 * the operation again) or on {@code /account/confirm} for links such as a large export
 * ({@link #confirmAndContinue}).
 */
@Named("stepUp")
@RequestScoped
public class StepUpBacking {

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private FacesContext faces;

    private String password;
    private String code;

    /**
     * Whether the dialog asks for a code too: read by the authentication mechanism with the session
     * check of this very request, so rendering the dialog on every page costs no query of its own.
     */
    public boolean isEnrolled() {
        return Boolean.TRUE.equals(
                faces.getExternalContext().getRequestMap().get(SessionFormAuthentication.SECOND_FACTOR));
    }

    /** The dialog's button: on success the page's script repeats the operation that asked. */
    public void confirm() {
        if (prove()) {
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("confirmed", true);
        }
    }

    /** The confirmation page's button: on success, on to the address it was opened for. */
    public void confirmAndContinue() throws IOException {
        if (prove()) {
            HttpServletRequest request =
                    (HttpServletRequest) faces.getExternalContext().getRequest();
            String next = faces.getExternalContext().getRequestParameterMap().get("continue");
            faces.getExternalContext()
                    .redirect(ContinueUrl.isOwnAdminUrl(next, request) ? next : request.getContextPath() + "/admin/");
        }
    }

    private boolean prove() {
        try {
            twoFactor.reauthenticate(password, code);
            SessionFormAuthentication.reverified(
                    (HttpServletRequest) faces.getExternalContext().getRequest());
            return true;
        } catch (IdentityException e) {
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getText().text(TextBean.locale()), null));
            faces.validationFailed();
            return false;
        } finally {
            password = null;
            code = null;
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
