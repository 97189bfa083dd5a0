package org.gatehouse.web.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * Form login whose whole result lives in the HTTP session as one small serializable value:
 * the caller's name and groups, handed to the container again on every request. A replicated
 * session therefore carries the login to any node of a cluster, roles included (the container's
 * own remembered login keeps the name across nodes but not the groups).
 * <p>
 * The login page calls {@code SecurityContext.authenticate} with the typed credentials; the
 * identity store handler checks them (lockout included). An anonymous request for a protected
 * page is sent to {@code /login}, which continues to the page first asked for.
 */
@ApplicationScoped
public class SessionFormAuthentication implements HttpAuthenticationMechanism {

    /** Session attribute holding the {@link SignedIn} caller. */
    public static final String SIGNED_IN = "org.gatehouse.signedIn";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            Credential credential = context.getAuthParameters().getCredential();
            if (credential == null) {
                return context.doNothing();
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.getSession().setAttribute(SIGNED_IN,
                        new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            }
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                ContinueUrl.remember(request);
            }
            return context.redirect(request.getContextPath() + "/login");
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** Who is signed in to a session, with the groups the identity store gave at login. */
    public record SignedIn(String name, Set<String> groups) implements Serializable {
    }
}
