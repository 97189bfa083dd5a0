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
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.gatehouse.identity.AccountState;
import org.gatehouse.ops.DatabaseUnavailableException;
import org.gatehouse.ops.RequestId;

/**
 * Form login whose whole result lives in the HTTP session as one small serializable value:
 * the caller's name, groups and session stamp, handed to the container again on every request. A
 * replicated session therefore carries the login to any node of a cluster, roles included (the
 * container's own remembered login keeps the name across nodes but not the groups).
 * <p>
 * Before a session's caller is announced, its stamp is compared with the account's current one
 * in the database, on every request and whatever URL it names: a deactivated account, or one whose
 * roles or password changed since the session signed in, gets its session ended and is treated
 * as anonymous. This runs before any filter, servlet or page, so no path trick can skip it.
 * <p>
 * The login page calls {@code SecurityContext.authenticate} with the typed credentials; the
 * identity store handler checks them (lockout included). An anonymous request for a protected
 * page is sent to {@code /login}, which continues to the page first asked for.
 */
@ApplicationScoped
public class SessionFormAuthentication implements HttpAuthenticationMechanism {

    /** Session attribute holding the {@link SignedIn} caller. */
    public static final String SIGNED_IN = "org.gatehouse.signedIn";
    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final Logger LOG = Logger.getLogger(SessionFormAuthentication.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private AccountState accounts;

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
                String name = result.getCallerPrincipal().getName();
                Optional<String> stamp = accounts.sessionStamp(name);
                if (stamp.isEmpty()) {
                    return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
                }
                request.getSession().setAttribute(SIGNED_IN,
                        new SignedIn(name, Set.copyOf(result.getCallerGroups()), stamp.get(), PageToken.create()));
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (request.getServletPath().startsWith(RESOURCES) && !context.isProtected()) {
            // scripts and styles are public: served without a caller, and without a database round trip
            return context.doNothing();
        }
        // a session is only ever named by its cookie, never by a ";jsessionid=" in a (leakable) URL
        HttpSession session = request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn caller) {
            Optional<String> current;
            try {
                current = accounts.sessionStamp(caller.name());
            } catch (RuntimeException e) {
                if (!DatabaseUnavailableException.isCause(e)) {
                    throw e;
                }
                // the session cannot be checked: the outage filter, first before any page, answers 503 and
                // serves nothing for it (announced, so that no constraint turns the outage into a 403)
                request.setAttribute(DatabaseUnavailableException.UNVERIFIED_SESSION, Boolean.TRUE);
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            if (current.filter(caller.stamp()::equals).isPresent()) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            LOG.info(() -> "request=" + RequestId.current() + " ended a revoked session");
            session.invalidate();
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // an AJAX request of a page whose session was just ended: the page itself goes to the login
                return redirect(response, request.getContextPath() + "/login", true);
            }
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                ContinueUrl.remember(request);
            }
            return redirect(response, request.getContextPath() + "/login", false);
        }
        return context.doNothing();
    }

    /** A redirect with the path alone in {@code Location}: the request's Host header never chooses where to. */
    private static AuthenticationStatus redirect(HttpServletResponse response, String path, boolean ajax) {
        if (ajax) {
            try {
                org.gatehouse.web.CleanUrlFilter.partialRedirect(response, path);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", path);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * Leaves the signed-in caller as the session's only content: what the sign-in page kept
     * (its view state, flash) is of no further use, and a replicated session is read and written
     * whole on every request, so every byte left in it is paid for on each page.
     */
    static void dropAnonymousState(HttpSession session) {
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            if (!name.equals(SIGNED_IN)) {
                session.removeAttribute(name);
            }
        }
    }

    /** Lets the current session carry on after its own user changed the password (a new stamp). */
    public static void restamp(HttpSession session, String stamp) {
        if (session.getAttribute(SIGNED_IN) instanceof SignedIn caller) {
            session.setAttribute(SIGNED_IN, new SignedIn(caller.name(), caller.groups(), stamp, caller.token()));
        }
    }

    /**
     * Who is signed in to a session, with the groups the identity store gave, the account's stamp at
     * login and the session's {@link PageToken}.
     */
    public record SignedIn(String name, Set<String> groups, String stamp, String token) implements Serializable {

        @Override
        public String toString() {
            return "SignedIn[" + name + ", " + groups + "]";
        }
    }
}
