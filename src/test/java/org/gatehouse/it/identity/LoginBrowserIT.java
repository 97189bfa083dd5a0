package org.gatehouse.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.it.pages.ErrorPage;
import org.gatehouse.it.pages.Layout;
import org.gatehouse.it.pages.ListPage;
import org.gatehouse.it.pages.LoginPage;
import org.gatehouse.it.pages.WaitingPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in and out through the real login page, in Chromium, against PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginBrowserIT {

    private static final String INVALID = "Invalid email or password";
    private static final Pattern SIGN_OUT_TOKEN =
            Pattern.compile("name=\"gatehouse.token\" value=\"([A-Za-z0-9_-]{20,})\"");

    @ArquillianResource
    private URL injected;

    private String base;

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(TestDatabase.create()).addClass(TestUsers.class);
    }

    @BeforeEach
    void openBrowser() {
        base = Deployments.localBase(injected);
        browser = new Browser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anonymousAdminRequestIsRedirectedToTheLoginPage() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (String path : new String[] {"admin/", "admin/users", "admin/roles/1/edit", "admin/nothing"}) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    response.statusCode() == 302 || response.statusCode() == 303, path + ": " + response.statusCode());
            assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/login"), path);
            assertFalse(response.body().contains(Deployments.ADMIN_EMAIL), "no data before login");
        }
    }

    @Test
    void loginReturnsToThePageFirstAskedForWithANewSessionId() {
        browser.open("admin/roles?sort=-name");
        assertTrue(browser.path().startsWith("/login"), browser.url());
        assertTrue(LoginPage.shown(browser).title().contains("Sign in"));
        String anonymousSession = browser.sessionCookie();

        browser.signIn(Deployments.ADMIN_EMAIL.toUpperCase(), Deployments.ADMIN_PASSWORD);

        assertTrue(browser.path().endsWith("/admin/roles?sort=-name"), browser.url());
        Layout layout = Layout.of(browser);
        assertEquals("Roles", layout.title());
        assertTrue(ListPage.shown(browser).tableText().contains("admin"));
        assertEquals(Deployments.ADMIN_EMAIL, layout.signedInUser());
        assertNotEquals(anonymousSession, browser.sessionCookie(), "session id must change at login");
    }

    @Test
    void wrongPasswordIsRefusedWithTheGenericMessage() {
        browser.open("admin/");
        browser.signIn(Deployments.ADMIN_EMAIL, "not-the-password-at-all");
        assertTrue(browser.path().startsWith("/login"));
        assertEquals(INVALID, LoginPage.shown(browser).errorSummary());
        assertFalse(Layout.of(browser).showsSignedInUser());
    }

    @Test
    void unknownEmailGetsExactlyTheSameMessage() {
        browser.open("login");
        browser.signIn("nobody@gatehouse.test", Deployments.ADMIN_PASSWORD);
        assertEquals(INVALID, LoginPage.shown(browser).errorSummary());
        browser.open("admin/users");
        assertTrue(browser.path().startsWith("/login"), "still anonymous");
    }

    @Test
    void inactiveUserIsRefusedEvenWithTheRightPassword() {
        browser.open("login");
        browser.signIn(TestUsers.INACTIVE, TestUsers.PASSWORD);
        assertEquals(INVALID, LoginPage.shown(browser).errorSummary());
        browser.open("admin/");
        assertTrue(browser.path().startsWith("/login"));
    }

    @Test
    void signedInUserWithoutTheAdminRoleGetsTheStyled403Page() throws Exception {
        browser.open("admin/users");
        browser.signIn(TestUsers.NO_ROLE, TestUsers.PASSWORD);
        assertTrue(browser.path().startsWith("/waiting"), "a user without a role waits: " + browser.url());
        assertEquals("Waiting for access", WaitingPage.shown(browser).heading());
        assertFalse(Layout.of(browser).hasMenu(), "no admin menu");

        browser.open("admin/users");
        assertEquals("Access denied", ErrorPage.shown(browser).heading());
        assertFalse(browser.driver().getPageSource().contains(Deployments.ADMIN_EMAIL), "no user data leaks");
        assertTrue(Layout.of(browser).hasTopbar(), "rendered inside the admin layout");

        browser.open("admin/roles");
        assertEquals("Access denied", ErrorPage.shown(browser).heading());
        assertFalse(ListPage.shown(browser).hasTable());
    }

    @Test
    void registrationIsClosedByDefaultAndSendsVisitorsToSignIn() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> closed = client.send(
                HttpRequest.newBuilder(URI.create(base + "register")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, closed.statusCode());
        assertTrue(
                closed.headers().firstValue("Location").orElseThrow().endsWith("/login?registration=closed"),
                closed.headers().toString());
        browser.open("register");
        assertTrue(browser.path().startsWith("/login"), browser.url());
        LoginPage login = LoginPage.shown(browser);
        assertEquals("Registration is closed. Ask an administrator for an account.", login.registrationClosedNote());
        assertFalse(login.offersRegistration(), "no link to a closed registration");
        browser.open("login");
        assertFalse(login.hasRegistrationClosedNote(), "the note only for those sent from /register");
    }

    @Test
    void logoutEndsTheSession() {
        browser.open("login");
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        assertTrue(browser.path().startsWith("/admin/"), browser.url());
        String signedInSession = browser.sessionCookie();

        Layout.of(browser).signOut();
        browser.wait(10).until(d -> d.getCurrentUrl().contains("/login"));
        assertTrue(LoginPage.shown(browser).signedOutNote().contains("signed out"));

        browser.open("admin/users");
        assertTrue(browser.path().startsWith("/login"), "the old session no longer signs in");
        assertNotEquals(signedInSession, browser.sessionCookie());
    }

    @Test
    void signOutWorksFromAPageThatAnsweredNotFound() {
        browser.open("login");
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        browser.open("admin/orders/999999999");
        assertEquals("Page not found", ErrorPage.shown(browser).heading());
        String signedInSession = browser.sessionCookie();

        Layout.of(browser).signOut();
        browser.wait(10).until(d -> d.getCurrentUrl().contains("/login"));
        assertTrue(LoginPage.shown(browser).signedOutNote().contains("signed out"));
        browser.open("admin/users");
        assertTrue(browser.path().startsWith("/login"), "the old session no longer signs in");
        assertNotEquals(signedInSession, browser.sessionCookie());
    }

    @Test
    void signOutNeedsTheSessionsOwnTokenAndAPost() throws Exception {
        HttpSession victim = HttpSession.signedIn(base, Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        HttpSession other = HttpSession.signedIn(base, Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        String token = signOutToken(victim.get("admin/").body());
        String othersToken = signOutToken(other.get("admin/").body());
        assertNotEquals(token, othersToken, "each session has its own token");

        List<Map<String, String>> crafted = List.of(
                Map.of(),
                Map.of("gatehouse.token", ""),
                Map.of("gatehouse.token", othersToken),
                Map.of("gatehouse.token", token.toUpperCase(java.util.Locale.ROOT)),
                Map.of("gatehouse.token", token + "\u0000"),
                Map.of("gatehouse.token", token.substring(1)));
        for (Map<String, String> form : crafted) {
            assertEquals(400, victim.post("logout", null, form).statusCode(), form.toString());
        }
        for (String path : List.of("logout", "logout;x=1", "LOGOUT", "logout/", "%6cogout")) {
            int status = victim.get(path).statusCode();
            assertTrue(status >= 400 && status < 500, path + " by GET: " + status);
        }
        assertEquals(200, victim.get("admin/users").statusCode(), "none of those signed the session out");

        HttpResponse<String> signedOut = victim.post("logout", null, Map.of("gatehouse.token", token));
        assertEquals(302, signedOut.statusCode());
        assertTrue(signedOut.headers().firstValue("Location").orElseThrow().endsWith("/login?signedOut=true"));
        assertEquals(302, victim.get("admin/users").statusCode(), "the session is over");
        assertEquals(200, other.get("admin/users").statusCode(), "the other session goes on");
    }

    private static String signOutToken(String html) {
        Matcher token = SIGN_OUT_TOKEN.matcher(html);
        assertTrue(token.find(), "the Sign out form carries the page token");
        return token.group(1);
    }
}
