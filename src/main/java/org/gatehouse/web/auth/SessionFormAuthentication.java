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
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.gatehouse.identity.AccountState;
import org.gatehouse.identity.SecondFactorStore;
import org.gatehouse.identity.SessionRegistry;
import org.gatehouse.identity.StepUp;
import org.gatehouse.identity.TwoFactorService;
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
    /** Session attribute holding a {@link PendingFactor}: the password was right, the code is still to come. */
    static final String PENDING = "org.gatehouse.pendingFactor";
    /** Where a caller who must set up a second factor is kept until done. */
    public static final String ENROLMENT_PAGE = "/account/two-factor";
    /** How long the code step may follow the password step. */
    private static final long CODE_STEP_MILLIS = 5 * 60_000L;

    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final Logger LOG = Logger.getLogger(SessionFormAuthentication.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private AccountState accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private SessionRegistry sessions;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            Credential credential = context.getAuthParameters().getCredential();
            if (credential instanceof SecondFactorCredential code) {
                return secondStep(request, context, code);
            }
            if (credential == null) {
                return context.doNothing();
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            String name = result.getCallerPrincipal().getName();
            Optional<String> stamp = accounts.sessionStamp(name);
            if (stamp.isEmpty()) {
                return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
            }
            Set<String> groups = Set.copyOf(result.getCallerGroups());
            if (twoFactor.enrolled(name)) {
                // no role yet: the session only remembers that the password was right, for a few minutes
                HttpSession session = request.getSession();
                session.removeAttribute(SIGNED_IN);
                session.setAttribute(
                        PENDING,
                        new PendingFactor(name, groups, stamp.get(), System.currentTimeMillis() + CODE_STEP_MILLIS));
                return redirect(response, request.getContextPath() + "/verify", false);
            }
            return signIn(request, context, name, groups, stamp.get(), twoFactor.requiredFor(groups));
        }
        if (request.getServletPath().startsWith(RESOURCES) && !context.isProtected()) {
            // scripts and styles are public: served without a caller, and without a database round trip
            return context.doNothing();
        }
        // a session is only ever named by its cookie, never by a ";jsessionid=" in a (leakable) URL
        HttpSession session = request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn caller) {
            Optional<SessionRegistry.Liveness> live;
            try {
                live = sessions.check(caller.name(), caller.sessionId());
            } catch (RuntimeException e) {
                if (!DatabaseUnavailableException.isCause(e)) {
                    throw e;
                }
                // the session cannot be checked: the outage filter, first before any page, answers 503 and
                // serves nothing for it (announced, so that no constraint turns the outage into a 403)
                request.setAttribute(DatabaseUnavailableException.UNVERIFIED_SESSION, Boolean.TRUE);
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            if (live.filter(state -> !state.ended() && state.stamp().equals(caller.stamp()))
                    .isPresent()) {
                touch(caller.sessionId(), live.get());
                request.setAttribute(StepUp.ATTRIBUTE, Instant.ofEpochMilli(caller.verifiedAt()));
                request.setAttribute(SECOND_FACTOR, live.get().secondFactor());
                if (!caller.mustEnrol()) {
                    return context.notifyContainerAboutLogin(caller.name(), caller.groups());
                }
                // a role of this user requires a second factor: nothing but setting one up until done
                if (!request.getRequestURI().equals(request.getContextPath() + ENROLMENT_PAGE)) {
                    return redirect(
                            response,
                            request.getContextPath() + ENROLMENT_PAGE,
                            "partial/ajax".equals(request.getHeader("Faces-Request")));
                }
                return context.notifyContainerAboutLogin(caller.name(), Set.of());
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

    /** Refreshes the session's "last seen"; a failure there (the database going away) never fails the request. */
    private void touch(String sessionId, SessionRegistry.Liveness live) {
        try {
            sessions.touch(sessionId, live);
        } catch (RuntimeException e) {
            LOG.fine(() -> "request=" + RequestId.current() + " could not refresh a session's last-seen time: " + e);
        }
    }

    /** The code step: the password step's caller, if still pending, signs in once the code is right. */
    private AuthenticationStatus secondStep(
            HttpServletRequest request, HttpMessageContext context, SecondFactorCredential code) {
        HttpSession session = request.getSession(false);
        PendingFactor pending =
                session == null ? null : session.getAttribute(PENDING) instanceof PendingFactor p ? p : null;
        if (pending == null || pending.until() < System.currentTimeMillis()) {
            if (session != null) {
                session.removeAttribute(PENDING);
            }
            return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
        }
        SecondFactorStore.Check check = twoFactor.verifySignIn(pending.name(), code.code(), request.getRemoteAddr());
        if (!check.passed()
                || !accounts.sessionStamp(pending.name())
                        .filter(pending.stamp()::equals)
                        .isPresent()) {
            return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
        }
        session.removeAttribute(PENDING);
        if (check.outcome() == SecondFactorStore.Outcome.RECOVERY_CODE) {
            request.setAttribute(RECOVERY_CODES_LEFT, check.recoveryCodesLeft());
        }
        return signIn(request, context, pending.name(), pending.groups(), pending.stamp(), false);
    }

    /** Request attribute: whether the signed-in caller's account has a second factor (read with the session check). */
    static final String SECOND_FACTOR = "org.gatehouse.secondFactor";

    /** Request attribute: how many recovery codes are left, after one was used to sign in. */
    static final String RECOVERY_CODES_LEFT = "org.gatehouse.recoveryCodesLeft";

    private AuthenticationStatus signIn(
            HttpServletRequest request,
            HttpMessageContext context,
            String name,
            Set<String> groups,
            String stamp,
            boolean mustEnrol) {
        String sessionId = sessions.open(name, request.getRemoteAddr(), request.getHeader("User-Agent"));
        long now = System.currentTimeMillis();
        request.getSession()
                .setAttribute(
                        SIGNED_IN, new SignedIn(name, groups, stamp, PageToken.create(), sessionId, now, mustEnrol));
        request.setAttribute(StepUp.ATTRIBUTE, Instant.ofEpochMilli(now));
        return context.notifyContainerAboutLogin(name, mustEnrol ? Set.of() : groups);
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
            session.setAttribute(SIGNED_IN, caller.withStamp(stamp));
        }
    }

    /** The session's caller, if signed in. */
    public static Optional<SignedIn> signedIn(HttpSession session) {
        return session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn caller
                ? Optional.of(caller)
                : Optional.empty();
    }

    /** Who is between the password and the code step in this session, if anyone (the deadline aside). */
    static Optional<String> pendingName(HttpSession session) {
        return session != null && session.getAttribute(PENDING) instanceof PendingFactor pending
                ? Optional.of(pending.name())
                : Optional.empty();
    }

    /** The caller just proved who they are again (step-up): dangerous operations are allowed for a while. */
    public static void reverified(HttpServletRequest request) {
        signedIn(request.getSession(false)).ifPresent(caller -> {
            long now = System.currentTimeMillis();
            request.getSession().setAttribute(SIGNED_IN, caller.verifiedAt(now));
            request.setAttribute(StepUp.ATTRIBUTE, Instant.ofEpochMilli(now));
        });
    }

    /** The caller set up the second factor their role requires: the session gets its roles from the next request. */
    public static void enrolled(HttpSession session) {
        signedIn(session).ifPresent(caller -> session.setAttribute(SIGNED_IN, caller.enrolled()));
    }

    /**
     * Who is signed in to a session, with the groups the identity store gave, the account's stamp at
     * login, the session's {@link PageToken}, its row in the {@link SessionRegistry}, when the caller
     * last proved who they are, and whether a second factor must be set up before anything else.
     */
    public record SignedIn(
            String name,
            Set<String> groups,
            String stamp,
            String token,
            String sessionId,
            long verifiedAt,
            boolean mustEnrol)
            implements Serializable {

        SignedIn withStamp(String newStamp) {
            return new SignedIn(name, groups, newStamp, token, sessionId, verifiedAt, mustEnrol);
        }

        SignedIn verifiedAt(long at) {
            return new SignedIn(name, groups, stamp, token, sessionId, at, mustEnrol);
        }

        SignedIn enrolled() {
            return new SignedIn(name, groups, stamp, token, sessionId, verifiedAt, false);
        }

        @Override
        public String toString() {
            return "SignedIn[" + name + ", " + groups + "]";
        }
    }

    /** A sign-in whose password was right and whose code is still to come, until a deadline. */
    record PendingFactor(String name, Set<String> groups, String stamp, long until) implements Serializable {}
}
