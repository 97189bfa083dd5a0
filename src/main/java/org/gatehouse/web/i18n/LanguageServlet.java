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
 * The language switcher posts here: the choice is kept in a cookie for this browser and, for a
 * signed-in user, with their account for the next sign-in; then the page they were on is shown
 * again. Only a path of this application is returned to.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String tag = request.getParameter("lang");
        Optional<Locale> language = "auto".equals(tag) ? Optional.empty() : Language.parse(tag);
        if (language.isEmpty() && !"auto".equals(tag)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String chosen = language.map(Locale::getLanguage).orElse(null);
        Language.choose(request, response, chosen);
        if (request.getUserPrincipal() != null) {
            accounts.rememberLanguage(chosen);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(returnTo(request));
    }

    /** The page to go back to: a path of this application without scheme, host or control characters. */
    static String returnTo(HttpServletRequest request) {
        String home = request.getContextPath() + "/";
        String back = request.getParameter("continue");
        boolean own = back != null && back.length() <= 2000 && back.startsWith(home) && !back.startsWith("//")
                && !back.contains("//") && !back.contains("\\") && back.chars().allMatch(c -> c > ' ' && c < 0x7f);
        return own ? back : request.getContextPath() + "/admin/";
    }
}
