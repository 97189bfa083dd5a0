package org.gatehouse.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gatehouse.identity.AccountService;
import org.gatehouse.metadata.Roles;
import org.gatehouse.web.auth.SessionFormAuthentication.SignedIn;
import org.gatehouse.web.i18n.Language;

/**
 * Where a caller goes, and in which language, once sign-in is complete: the same after the
 * password step ({@link LoginBacking}) as after the second factor ({@link VerifyBacking}).
 */
final class AfterSignIn {

    private AfterSignIn() {}

    /** The pages after sign-in speak the language the user chose last time, on whichever browser. */
    static void useRememberedLanguage(
            AccountService accounts, HttpServletRequest request, HttpServletResponse response, String email) {
        String tag = email == null ? null : accounts.languageOf(email);
        Language.parse(tag).ifPresent(language -> Language.choose(request, response, language.getLanguage()));
    }

    /**
     * Sends a caller who just signed in on: to the page first asked for, to second-factor setup
     * when their role requires one, or to the waiting page when they hold no admin role yet.
     */
    static void continueTo(HttpServletRequest request, HttpServletResponse response, String continueTo)
            throws IOException {
        SessionFormAuthentication.dropAnonymousState(request.getSession());
        String context = request.getContextPath();
        if (SessionFormAuthentication.signedIn(request.getSession(false))
                .filter(SignedIn::mustEnrol)
                .isPresent()) {
            ContinueUrl.keep(request, continueTo);
            response.sendRedirect(context + SessionFormAuthentication.ENROLMENT_PAGE);
            return;
        }
        boolean adminArea = Roles.ADMIN_AREA.stream().anyMatch(request::isUserInRole);
        // signed in but not yet given any role: the waiting page, never admin data
        // a plain redirect: the Faces flash would put its maps into the fresh session for the next page
        response.sendRedirect(adminArea ? continueTo : context + "/waiting");
    }
}
