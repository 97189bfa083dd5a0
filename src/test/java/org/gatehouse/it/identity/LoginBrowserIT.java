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
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.TestUsers;
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
        assertTrue(browser.text("h1, .ui-card-title").contains("Sign in"));
        String anonymousSession = browser.sessionCookie();

        browser.signIn(Deployments.ADMIN_EMAIL.toUpperCase(), Deployments.ADMIN_PASSWORD);

        assertTrue(browser.path().endsWith("/admin/roles?sort=-name"), browser.url());
        assertEquals("Roles", browser.text("#page-title"));
        assertTrue(browser.text("#list\\:table_data").contains("admin"));
        assertEquals(Deployments.ADMIN_EMAIL, browser.text("#signed-in-user"));
        assertNotEquals(anonymousSession, browser.sessionCookie(), "session id must change at login");
    }

    @Test
    void wrongPasswordIsRefusedWithTheGenericMessage() {
        browser.open("admin/");
        browser.signIn(Deployments.ADMIN_EMAIL, "not-the-password-at-all");
        assertTrue(browser.path().startsWith("/login"));
        assertEquals(INVALID, browser.text("#login\\:messages .ui-messages-error-summary"));
        assertFalse(browser.has("#signed-in-user"));
    }

    @Test
    void unknownEmailGetsExactlyTheSameMessage() {
        browser.open("login");
        browser.signIn("nobody@gatehouse.test", Deployments.ADMIN_PASSWORD);
        assertEquals(INVALID, browser.text("#login\\:messages .ui-messages-error-summary"));
        browser.open("admin/users");
        assertTrue(browser.path().startsWith("/login"), "still anonymous");
    }

    @Test
    void inactiveUserIsRefusedEvenWithTheRightPassword() {
        browser.open("login");
        browser.signIn(TestUsers.INACTIVE, TestUsers.PASSWORD);
        assertEquals(INVALID, browser.text("#login\\:messages .ui-messages-error-summary"));
        browser.open("admin/");
        assertTrue(browser.path().startsWith("/login"));
    }

    @Test
    void signedInUserWithoutTheAdminRoleGetsTheStyled403Page() throws Exception {
        browser.open("admin/users");
        browser.signIn(TestUsers.NO_ROLE, TestUsers.PASSWORD);
        assertTrue(browser.path().startsWith("/waiting"), "a user without a role waits: " + browser.url());
        assertEquals("Waiting for access", browser.text("#waiting h1"));
        assertFalse(browser.has("#menu"), "no admin menu");

        browser.open("admin/users");
        assertEquals("Access denied", browser.text(".gh-error h1"));
        assertFalse(browser.driver().getPageSource().contains(Deployments.ADMIN_EMAIL), "no user data leaks");
        assertTrue(browser.has(".gh-topbar"), "rendered inside the admin layout");

        browser.open("admin/roles");
        assertEquals("Access denied", browser.text(".gh-error h1"));
        assertFalse(browser.has("#list\\:table"));
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
        assertEquals(
                "Registration is closed. Ask an administrator for an account.",
                browser.text("#login\\:registrationClosed"));
        assertFalse(browser.has("#registerLink"), "no link to a closed registration");
        browser.open("login");
        assertFalse(browser.has("#login\\:registrationClosed"), "the note only for those sent from /register");
    }

    @Test
    void logoutEndsTheSession() {
        browser.open("login");
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        assertTrue(browser.path().startsWith("/admin/"), browser.url());
        String signedInSession = browser.sessionCookie();

        browser.click("#logoutForm\\:logout");
        browser.wait(10).until(d -> d.getCurrentUrl().contains("/login"));
        assertTrue(browser.text("#login\\:signedOut").contains("signed out"));

        browser.open("admin/users");
        assertTrue(browser.path().startsWith("/login"), "the old session no longer signs in");
        assertNotEquals(signedInSession, browser.sessionCookie());
    }
}
