package org.gatehouse.web.auth;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.AccountService;
import org.gatehouse.web.i18n.TextBean;

/**
 * The second step of sign-in ({@code /verify}): a code from the authenticator app, or a recovery
 * code. Wrong, replayed and late codes all get the same answer.
 */
@Named("verify")
@RequestScoped
public class VerifyBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private AuditLog audit;

    @Inject
    private AccountService accounts;

    private String code;

    /** Whether a password step is waiting for its code in this session. */
    public boolean isPending() {
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        return SessionFormAuthentication.pendingName(request.getSession(false)).isPresent();
    }

    public void verify() throws IOException {
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpServletResponse response =
                (HttpServletResponse) faces.getExternalContext().getResponse();
        String who =
                SessionFormAuthentication.pendingName(request.getSession(false)).orElse(null);
        String continueTo = ContinueUrl.take(request);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(
                request, response, withParams().credential(new SecondFactorCredential(code)));
        code = null;
        if (status == AuthenticationStatus.SUCCESS) {
            audit.securityEvent(AuditAction.LOGIN_SUCCESS, who, "with a second factor");
            AfterSignIn.useRememberedLanguage(accounts, request, response, who);
            Object left = request.getAttribute(SessionFormAuthentication.RECOVERY_CODES_LEFT);
            if (left != null) {
                // a recovery code was used: the factor page says how many are left and offers new ones
                SessionFormAuthentication.dropAnonymousState(request.getSession());
                response.sendRedirect(request.getContextPath() + SessionFormAuthentication.ENROLMENT_PAGE
                        + "?recoveryCodesLeft=" + left);
            } else {
                AfterSignIn.continueTo(request, response, continueTo);
            }
            faces.responseComplete();
            return;
        }
        if (who != null) {
            audit.securityEvent(AuditAction.LOGIN_FAILURE, who, "second factor");
        }
        ContinueUrl.keep(request, continueTo);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, TextBean.text("verify.wrong"), null));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
