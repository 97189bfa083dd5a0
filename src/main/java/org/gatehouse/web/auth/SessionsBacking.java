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
        if (id == null || id.equals(getCurrent())) {
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
