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
import org.gatehouse.web.i18n.TextBean;

/** The account's sessions page: where and since when the user is signed in, and ending sessions. */
@Named("sessionsPage")
@RequestScoped
public class SessionsBacking {

    /** What a session id looks like; anything else never reaches the database. */
    public static final java.util.regex.Pattern SESSION_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

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
        return SessionFormAuthentication.signedIn(
                        ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false))
                .map(SessionFormAuthentication.SignedIn::sessionId)
                .orElse(null);
    }

    /** Ends the session named by the button's {@code session} parameter (never the current one). */
    public void end() {
        String id = faces.getExternalContext().getRequestParameterMap().get("session");
        if (!SESSION_ID.matcher(id == null ? "" : id).matches() || id.equals(getCurrent())) {
            // not a session id this page ever shows (missing, crafted, the current one): nothing to end
            alreadyEnded();
            return;
        }
        int ended = sessions.endMine(id, getCurrent());
        live = null;
        if (ended == 1) {
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, TextBean.text("account.sessions.ended"), null));
        } else {
            alreadyEnded();
        }
    }

    private void alreadyEnded() {
        faces.addMessage(
                null,
                new FacesMessage(FacesMessage.SEVERITY_WARN, TextBean.text("account.sessions.alreadyEnded"), null));
    }

    public void endOthers() {
        int ended = sessions.endMine(null, getCurrent());
        live = null;
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        ended == 0
                                ? TextBean.text("account.sessions.noOthers")
                                : TextBean.text("account.sessions.endedOthers", ended),
                        null));
    }
}
