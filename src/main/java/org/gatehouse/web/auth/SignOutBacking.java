package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.SessionRegistry;
import org.omnifaces.util.Faces;

/**
 * The Sign out button every admin page has: recorded, the session ended in the registry and in
 * the container, then the login page says so.
 */
@Named("signOut")
@RequestScoped
public class SignOutBacking {

    @Inject
    private AuditLog audit;

    @Inject
    private SessionRegistry sessions;

    public void logout() throws IOException {
        ExternalContext external = Faces.getExternalContext();
        HttpServletRequest request = Faces.getRequest();
        if (request.getRemoteUser() != null) {
            audit.securityEvent(AuditAction.LOGOUT, request.getRemoteUser(), null);
        }
        SessionFormAuthentication.signedIn(request.getSession(false))
                .ifPresent(caller -> sessions.signedOut(caller.sessionId()));
        try {
            request.logout();
        } catch (ServletException e) {
            // the session is invalidated below either way
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?signedOut=true");
    }
}
