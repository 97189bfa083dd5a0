package org.gatehouse.web.auth;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.SessionRegistry;

/**
 * The Sign out button of every page posts here, not back to its page: a page that answered 404 or
 * 403 would answer its postback the same way before any action ran. The post carries the session's
 * {@link PageToken}, so no other site can sign anyone out. The sign-out is recorded, the session
 * ended in the registry and in the container, and the login page says so.
 */
@WebServlet(name = "SignOut", urlPatterns = SignOutServlet.PATH)
public class SignOutServlet extends HttpServlet {

    static final String PATH = "/logout";

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog audit;

    @Inject
    private SessionRegistry sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        Optional<SessionFormAuthentication.SignedIn> caller = SessionFormAuthentication.signedIn(session);
        if (caller.isEmpty()) {
            // nobody is signed in to this browser (any more): nothing to end
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (!PageToken.matches(session, request.getParameter(PageToken.PARAMETER))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        audit.securityEvent(AuditAction.LOGOUT, caller.get().name(), null);
        sessions.signedOut(caller.get().sessionId());
        try {
            request.logout();
        } catch (ServletException e) {
            // the session is invalidated below either way
        }
        HttpSession ended = request.getSession(false);
        if (ended != null) {
            try {
                ended.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended by the logout
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?signedOut=true");
    }
}
