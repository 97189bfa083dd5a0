package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gatehouse.identity.SessionRegistry;
import org.gatehouse.identity.UserSession;

/** The account's sessions page: where and since when the user is signed in, and ending sessions. */
@Named("sessionsPage")
@RequestScoped
public class SessionsBacking {

    /** What a session id looks like; anything else never reaches the database. */
    public static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    @Inject
    private SessionRegistry sessions;

    @Inject
    private FacesContext faces;

    private List<UserSession> live;

    public List<UserSession> getSessions() {
        if (live == null) {
            live = sessions.mine();
        }
        return live;
    }

    public String getCurrent() {
        return SessionFormAuthentication.signedIn(((HttpServletRequest) faces.getExternalContext().getRequest())
                .getSession(false)).map(SessionFormAuthentication.SignedIn::sessionId).orElse(null);
    }

    /** Ends the session named by the button's {@code session} parameter (never the current one). */
    public void end() {
        String id = faces.getExternalContext().getRequestParameterMap().get("session");
        if (!SESSION_ID.matcher(id == null ? "" : id).matches() || id.equals(getCurrent())) {
            // not a session id this page ever shows (missing, crafted, the current one): nothing to end
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "That session had already ended.", null));
            return;
        }
        int ended = sessions.endMine(id, getCurrent());
        live = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, ended == 1 ? "The session was ended."
                : "That session had already ended.", null));
    }

    public void endOthers() {
        int ended = sessions.endMine(null, getCurrent());
        live = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, ended == 0 ? "No other session was open."
                : "Ended " + ended + (ended == 1 ? " other session." : " other sessions."), null));
    }
}
