package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import org.gatehouse.identity.AccountService;
import org.gatehouse.identity.IdentityException;

/** The registration page and the change-password page. */
@Named("account")
@RequestScoped
public class AccountBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private FacesContext faces;

    @Inject
    private org.gatehouse.identity.SessionRegistry sessions;

    private String email;
    private String currentPassword;
    private String password;
    private String confirmation;
    /** Off unless ticked: a post without the box (or a crafted one) signs the other sessions out. */
    private boolean keepOtherSessions;

    /** {@code /register} does not exist while registration is closed. */
    public void requireRegistrationOpen() throws IOException {
        if (!accounts.isRegistrationOpen()) {
            faces.getExternalContext().responseSendError(404, "Not found");
            faces.responseComplete();
        }
    }

    public boolean isRegistrationOpen() {
        return accounts.isRegistrationOpen();
    }

    public void register() throws IOException {
        if (!matches("form:confirmation")) {
            return;
        }
        try {
            accounts.register(email, password);
            ExternalContext external = faces.getExternalContext();
            external.getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your account request was received."
                    + " If the address was not registered before, you can sign in now; an administrator will grant"
                    + " you access.", null));
            external.redirect(external.getRequestContextPath() + "/login");
        } catch (IdentityException e) {
            refuse(e);
        }
    }

    public void changePassword() throws IOException {
        if (!matches("form:confirmation")) {
            return;
        }
        try {
            String stamp = accounts.changeOwnPassword(currentPassword, password, !keepOtherSessions);
            ExternalContext external = faces.getExternalContext();
            // this session carries on; the user's other sessions end at their next request
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            SessionFormAuthentication.signedIn(request.getSession(false))
                    .ifPresent(caller -> sessions.restamp(caller.sessionId(), stamp));
            SessionFormAuthentication.restamp(request.getSession(), stamp);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, !keepOtherSessions ? "Your password was changed; your other sessions were signed out."
                    : "Your password was changed.", null));
        } catch (IdentityException e) {
            refuse(e);
        }
        currentPassword = null;
        password = null;
        confirmation = null;
    }

    private boolean matches(String confirmationId) {
        if (!Objects.equals(password, confirmation)) {
            faces.addMessage(confirmationId, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The passwords do not match", null));
            faces.validationFailed();
            return false;
        }
        return true;
    }

    private void refuse(IdentityException e) {
        String clientId = e.getField() == null ? null : "form:" + e.getField();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        faces.validationFailed();
    }

    public boolean isKeepOtherSessions() {
        return keepOtherSessions;
    }

    public void setKeepOtherSessions(boolean keepOtherSessions) {
        this.keepOtherSessions = keepOtherSessions;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
