package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.AccountService;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.PasswordPolicy;
import org.gatehouse.web.i18n.TextBean;

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

    /** While registration is closed, {@code /register} sends visitors to the sign-in page, which says so. */
    public void requireRegistrationOpen() throws IOException {
        if (!accounts.isRegistrationOpen()) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + "/login?registration=closed");
            faces.responseComplete();
        }
    }

    /** The rules a new password must pass, shown under the field before anything is typed. */
    public Message getPasswordRules() {
        return PasswordPolicy.rules();
    }

    public boolean isRegistrationOpen() {
        return accounts.isRegistrationOpen();
    }

    /** Same password twice is checked by the page ({@code o:validateEqual}) before this runs. */
    public void register() throws IOException {
        try {
            accounts.register(email, password);
            ExternalContext external = faces.getExternalContext();
            external.getFlash().setKeepMessages(true);
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, TextBean.text("register.received"), null));
            external.redirect(external.getRequestContextPath() + "/login");
        } catch (IdentityException e) {
            refuse(e);
        }
    }

    public void changePassword() {
        try {
            String stamp = accounts.changeOwnPassword(currentPassword, password, !keepOtherSessions);
            ExternalContext external = faces.getExternalContext();
            // this session carries on; the user's other sessions end at their next request
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            SessionFormAuthentication.signedIn(request.getSession(false))
                    .ifPresent(caller -> sessions.restamp(caller.sessionId(), stamp));
            SessionFormAuthentication.restamp(request.getSession(), stamp);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            keepOtherSessions
                                    ? TextBean.text("account.password.changed")
                                    : TextBean.text("account.password.changedOthersEnded"),
                            null));
        } catch (IdentityException e) {
            refuse(e);
        }
        currentPassword = null;
        password = null;
        confirmation = null;
    }

    private void refuse(IdentityException e) {
        String clientId = e.getField() == null ? null : "form:" + e.getField();
        faces.addMessage(
                clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getText().text(TextBean.locale()), null));
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
