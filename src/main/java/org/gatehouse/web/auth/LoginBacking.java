package org.gatehouse.web.auth;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
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
import org.gatehouse.web.auth.SessionFormAuthentication.SignedIn;
import org.gatehouse.web.i18n.Language;
import org.gatehouse.web.i18n.TextBean;

/**
 * The login form. It hands the credentials to the container's authentication mechanism and
 * says nothing about why a login failed: unknown email, wrong password and inactive account
 * all read the same.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private AuditLog audit;

    @Inject
    private org.gatehouse.identity.SessionRegistry sessions;

    @Inject
    private AccountService accounts;

    private String email;

    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
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
                faces.responseComplete();
            }
            case SUCCESS -> {
                audit.securityEvent(AuditAction.LOGIN_SUCCESS, who, null);
                useRememberedLanguage(accounts, request, response, who);
                continueAfterSignIn(request, response, continueTo);
                faces.responseComplete();
            }
            default -> {
                audit.securityEvent(AuditAction.LOGIN_FAILURE, who, null);
                ContinueUrl.keep(request, continueTo);
                faces.addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, TextBean.text("login.invalid"), null));
            }
        }
    }

    /** The pages after sign-in speak the language the user chose last time, on whichever browser. */
    static void useRememberedLanguage(
            AccountService accounts, HttpServletRequest request, HttpServletResponse response, String email) {
        String tag = email == null ? null : accounts.languageOf(email);
        Language.parse(tag).ifPresent(language -> Language.choose(request, response, language.getLanguage()));
    }

    /**
     * Sends a caller who just signed in on: to the page first asked for, to second-factor setup
     * when their role requires one, or to the waiting page when they hold no admin role yet.
     */
    static void continueAfterSignIn(HttpServletRequest request, HttpServletResponse response, String continueTo)
            throws IOException {
        SessionFormAuthentication.dropAnonymousState(request.getSession());
        String context = request.getContextPath();
        if (SessionFormAuthentication.signedIn(request.getSession(false))
                .filter(SignedIn::mustEnrol)
                .isPresent()) {
            ContinueUrl.keep(request, continueTo);
            response.sendRedirect(context + SessionFormAuthentication.ENROLMENT_PAGE);
            return;
        }
        boolean adminArea = org.gatehouse.metadata.Roles.ADMIN_AREA.stream().anyMatch(request::isUserInRole);
        // signed in but not yet given any role: the waiting page, never admin data
        // a plain redirect: the Faces flash would put its maps into the fresh session for the next page
        response.sendRedirect(adminArea ? continueTo : context + "/waiting");
    }

    public void logout() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getRemoteUser() != null) {
            audit.securityEvent(AuditAction.LOGOUT, request.getRemoteUser(), null);
        }
        SessionFormAuthentication.signedIn(request.getSession(false))
                .ifPresent(caller -> sessions.signedOut(caller.sessionId()));
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // the session is invalidated below either way
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?signedOut=true");
    }

    public boolean isSignedOut() {
        return "true".equals(faces.getExternalContext().getRequestParameterMap().get("signedOut"));
    }

    /** Sent here from {@code /register} while registration is closed (and it still is). */
    public boolean isRegistrationClosed() {
        return "closed"
                        .equals(faces.getExternalContext()
                                .getRequestParameterMap()
                                .get("registration"))
                && !accounts.isRegistrationOpen();
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
