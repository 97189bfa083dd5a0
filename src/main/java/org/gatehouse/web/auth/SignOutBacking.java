package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/** What the layout's Sign out form posts to {@link SignOutServlet}: its address and the session's page token. */
@Named("signOut")
@RequestScoped
public class SignOutBacking {

    public String getAddress() {
        return Faces.getRequestContextPath() + SignOutServlet.PATH;
    }

    public String getTokenParameter() {
        return PageToken.PARAMETER;
    }

    public String getToken() {
        return PageToken.of(Faces.getSession(false));
    }
}
