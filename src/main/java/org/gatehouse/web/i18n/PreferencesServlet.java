package org.gatehouse.web.i18n;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.identity.AccountService;

/**
 * The footer's preferences form posts here: the language (kept in a cookie for this browser and,
 * for a signed-in user, with their account for the next sign-in) and the theme (a cookie). Then
 * the page they were on is shown again; only a path of this application is returned to.
 */
@WebServlet("/preferences")
public class PreferencesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (fromAnotherSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String tag = request.getParameter("lang");
        String theme = request.getParameter("theme");
        Optional<Locale> language = Language.parse(tag);
        boolean automatic = tag == null || Language.AUTOMATIC.equals(tag);
        if ((!automatic && language.isEmpty()) || (theme != null && !Theme.MODES.contains(theme))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (tag != null) {
            String chosen = language.map(Locale::getLanguage).orElse(null);
            Language.choose(request, response, chosen);
            if (request.getUserPrincipal() != null) {
                accounts.rememberLanguage(chosen);
            }
        }
        if (theme != null) {
            Theme.choose(request, response, theme);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(returnTo(request));
    }

    /** A form posted from another site's page (the browser says so): preferences are changed from our pages only. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
        return !origin.equalsIgnoreCase(own)
                && !origin.equalsIgnoreCase(request.getScheme() + "://" + request.getHeader("Host"));
    }

    /** The page to go back to: a path of this application without scheme, host or control characters. */
    static String returnTo(HttpServletRequest request) {
        String home = request.getContextPath() + "/";
        String back = request.getParameter("continue");
        boolean own = back != null
                && back.length() <= 2000
                && back.startsWith(home)
                && !back.contains("//")
                && !back.contains("\\")
                && !back.contains("/.")
                && !back.toLowerCase(java.util.Locale.ROOT).contains("%2e")
                && !back.toLowerCase(java.util.Locale.ROOT).contains("%2f")
                && !back.contains("%5c")
                && !back.contains("%5C")
                && back.chars().allMatch(c -> c > ' ' && c < 0x7f);
        return own ? back : request.getContextPath() + "/admin/";
    }
}
