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
}
