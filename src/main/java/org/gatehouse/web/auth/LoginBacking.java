package org.gatehouse.web.auth;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.AccountService;
import org.gatehouse.identity.User;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The login form. It hands the credentials to the container's authentication mechanism and
 * says nothing about why a login failed: unknown email, wrong password and inactive account
 * all read the same. Where the caller goes next is {@link AfterSignIn}'s; the Sign out button is
 * {@link SignOutBacking}'s.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private AuditLog audit;

    @Inject
    private AccountService accounts;

    private String email;

    private String password;

    public void login() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        HttpServletResponse response = Faces.getResponse();
        // a fresh session id for the authenticated session: a fixed id planted before login is worthless
        String continueTo = ContinueUrl.take(request);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        // with the saved request taken over, the mechanism only validates; we send the caller on ourselves
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                withParams().credential(new UsernamePasswordCredential(User.normalizeEmail(email), password)));
        password = null;
        String who = User.normalizeEmail(email);
        switch (status) {
            case SEND_CONTINUE -> {
                // the password was right and a code is asked for next: the page first asked for stays remembered
                ContinueUrl.keep(request, continueTo);
                Faces.responseComplete();
            }
            case SUCCESS -> {
                audit.securityEvent(AuditAction.LOGIN_SUCCESS, who, null);
                AfterSignIn.useRememberedLanguage(accounts, request, response, who);
                AfterSignIn.continueTo(request, response, continueTo);
                Faces.responseComplete();
            }
            default -> {
                audit.securityEvent(AuditAction.LOGIN_FAILURE, who, null);
                ContinueUrl.keep(request, continueTo);
                Messages.addGlobalError(TextBean.text("login.invalid"));
            }
        }
    }

    public boolean isSignedOut() {
        return "true".equals(Faces.getRequestParameter("signedOut"));
    }

    /** Sent here from {@code /register} while registration is closed (and it still is). */
    public boolean isRegistrationClosed() {
        return "closed".equals(Faces.getRequestParameter("registration")) && !accounts.isRegistrationOpen();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
