package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.AccountService;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.PasswordPolicy;
import org.gatehouse.identity.SessionRegistry;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The registration page and the change-password page. */
@Named("account")
@RequestScoped
public class AccountBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private SessionRegistry sessions;

    private String email;
    private String currentPassword;
    private String password;
    private String confirmation;
    /** Off unless ticked: a post without the box (or a crafted one) signs the other sessions out. */
    private boolean keepOtherSessions;

    /** While registration is closed, {@code /register} sends visitors to the sign-in page, which says so. */
    public void requireRegistrationOpen() throws IOException {
        if (!accounts.isRegistrationOpen()) {
            // a plain redirect: an anonymous visitor gets no flash cookie
            Faces.getExternalContext().redirect(Faces.getRequestContextPath() + "/login?registration=closed");
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
    public void register() {
        try {
            accounts.register(email, password);
            Messages.addFlashGlobalInfo(TextBean.text("register.received"));
            Faces.redirect("login");
        } catch (IdentityException e) {
            refuse(e);
        }
    }

    public void changePassword() {
        try {
            String stamp = accounts.changeOwnPassword(currentPassword, password, !keepOtherSessions);
            // this session carries on; the user's other sessions end at their next request
            HttpServletRequest request = Faces.getRequest();
            SessionFormAuthentication.signedIn(request.getSession(false))
                    .ifPresent(caller -> sessions.restamp(caller.sessionId(), stamp));
            SessionFormAuthentication.restamp(request.getSession(), stamp);
            Messages.addGlobalInfo(TextBean.text(
                    keepOtherSessions ? "account.password.changed" : "account.password.changedOthersEnded"));
        } catch (IdentityException e) {
            refuse(e);
        }
        currentPassword = null;
        password = null;
        confirmation = null;
    }

    private void refuse(IdentityException e) {
        Messages.addError(
                e.getField() == null ? null : "form:" + e.getField(),
                e.getText().text(TextBean.locale()));
        Faces.validationFailed();
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
