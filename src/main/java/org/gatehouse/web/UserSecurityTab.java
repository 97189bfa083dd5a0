package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gatehouse.identity.SessionRegistry;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.identity.TwoFactorService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserSession;
import org.gatehouse.metadata.Roles;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.web.i18n.TextBean;

/**
 * The Security tab of a user's details page, for administrators: the user's second factor (with a
 * reset for a lost phone) and live sessions (each can be ended). The services check the role again.
 */
@Named("userSecurity")
@RequestScoped
public class UserSecurityTab {

    @Inject
    private DetailsPageBacking details;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private FacesContext faces;

    private List<UserSession> live;

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole(Roles.ADMIN);
    }

    private User user() {
        return details.getEntity() instanceof User user ? user : null;
    }

    public boolean isEnrolled() {
        return user() != null && user().hasSecondFactor();
    }

    public List<UserSession> getSessions() {
        if (live == null) {
            live = user() == null || !isAdmin() ? List.of() : sessions.of(user().getId());
        }
        return live;
    }

    public void resetFactor() {
        try {
            boolean reset = twoFactor.reset(user().getId());
            notice(TextBean.text(reset ? "tab.security.factorRemoved" : "tab.security.noFactor"));
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, null);
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    /** Ends the session named by the button's {@code session} parameter, or all of them without one. */
    public void endSessions() {
        String id = faces.getExternalContext().getRequestParameterMap().get("session");
        if (id != null
                && !org.gatehouse.web.auth.SessionsBacking.SESSION_ID
                        .matcher(id)
                        .matches()) {
            notice(TextBean.text("tab.security.noneOpen"));
            return;
        }
        try {
            int ended = sessions.endFor(user().getId(), id);
            live = null;
            notice(ended == 0 ? TextBean.text("tab.security.noneOpen") : TextBean.text("tab.security.ended", ended));
        } catch (jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    private void notice(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
