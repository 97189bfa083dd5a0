package org.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.gatehouse.it.fixtures.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Lockout, login tracking, session revocation and response headers, over HTTP and in Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountSecurityIT {

    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final String INVALID = "Invalid email or password";

    @ArquillianResource
    private URL injected;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(DATABASE, Map.of("GATEHOUSE_DEMO_ROWS", "50")).addClass(TestUsers.class);
    }

    private String base() {
        return Deployments.localBase(injected);
    }

    /** One login attempt on a fresh session: the response to the form post. */
    private HttpResponse<String> attempt(String email, String password) throws Exception {
        HttpSession http = new HttpSession(base());
        String page = http.get("login").body();
        return http.post("login", HttpSession.viewState(page), Map.of("login", "login", "login:email", email,
                "login:password", password, "login:submit", ""));
    }

    private static String single(String sql) throws Exception {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = attempt(TestUsers.LOCKABLE, "not-the-password-" + i);
            assertEquals(200, wrong.statusCode());
            assertTrue(wrong.body().contains(INVALID));
        }
        HttpResponse<String> right = attempt(TestUsers.LOCKABLE, TestUsers.PASSWORD);
        assertEquals(200, right.statusCode(), "even the right password is refused while locked");
        assertTrue(right.body().contains(INVALID), "with the same message as a wrong one");
        assertNotNull(single("select locked_until from users where email = '" + TestUsers.LOCKABLE + "'"));
        assertEquals("1", single("select count(*) from audit_log where action = 'LOCKOUT' and actor = '"
                + TestUsers.LOCKABLE + "'"));

        try (Browser admin = new Browser(base())) {
            admin.open("login");
            admin.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            admin.open("admin/users?q=lockable");
            assertFalse(admin.text("#list\\:table_data tr td:nth-child(5)").isBlank(), "the lock shows in the list");
            admin.driver().findElement(By.cssSelector("#list\\:table_data tr td .ui-chkbox-box")).click();
            admin.wait(5).until(d -> "true".equals(d.findElement(By.cssSelector("#list\\:table_data tr"))
                    .getAttribute("aria-selected")));
            admin.click("#list\\:bulk .gh-action-unlock");
            admin.click("#list\\:confirmYes");
            admin.wait(10).until(d -> d.findElement(By.id("list:notices")).getText().contains("Unlock: 1 user"));
        }
        assertEquals(302, attempt(TestUsers.LOCKABLE, TestUsers.PASSWORD).statusCode(), "unlocked");
        assertEquals("1", single("select login_count from users where email = '" + TestUsers.LOCKABLE + "'"));
        assertNotNull(single("select current_login_ip from users where email = '" + TestUsers.LOCKABLE + "'"));
    }

    @Test
    void changingAUsersPasswordEndsTheirLiveSessions() throws Exception {
        HttpSession user = HttpSession.signedIn(base(), TestUsers.REVOCABLE, TestUsers.PASSWORD);
        assertEquals(200, user.get("admin/orders").statusCode());
        String id = single("select id from users where email = '" + TestUsers.REVOCABLE + "'");

        try (Browser admin = new Browser(base())) {
            admin.open("login");
            admin.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            admin.open("admin/users/" + id + "/edit");
            admin.type("#form\\:password_input, #form\\:password", "a-brand-new-password-1");
            admin.type("#form\\:passwordConfirmation_input, #form\\:passwordConfirmation", "a-brand-new-password-1");
            admin.click("#form\\:save");
            admin.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/users/" + id));
        }

        HttpResponse<String> next = user.get("admin/orders");
        assertEquals(302, next.statusCode(), "the old session is over");
        assertTrue(next.headers().firstValue("Location").orElseThrow().endsWith("/login"));
        assertEquals(302, user.get("admin/orders").statusCode(), "and stays over");

        HttpSession again = HttpSession.signedIn(base(), TestUsers.REVOCABLE, "a-brand-new-password-1");
        assertEquals(200, again.get("admin/orders").statusCode(), "the new password signs in");
        try (Browser admin = new Browser(base())) {
            admin.open("login");
            admin.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            admin.open("admin/users?q=revocable");
            admin.driver().findElement(By.cssSelector("#list\\:table_data tr td .ui-chkbox-box")).click();
            admin.wait(5).until(d -> "true".equals(d.findElement(By.cssSelector("#list\\:table_data tr"))
                    .getAttribute("aria-selected")));
            admin.click("#list\\:bulk .gh-action-deactivate");
            admin.click("#list\\:confirmYes");
            admin.wait(10).until(d -> d.findElement(By.id("list:notices")).getText().contains("Deactivate: 1 user"));
        }
        HttpResponse<String> partial = again.postAjax("admin/orders");
        assertTrue(partial.body().contains("<redirect url=") && partial.body().contains("/login"),
                "an AJAX request of a revoked session is sent to the login page: " + partial.body());
    }

    @Test
    void anAjaxRequestAfterTheSessionEndedLandsOnTheLoginPage() {
        try (Browser browser = new Browser(base())) {
            browser.open("login");
            browser.signIn(TestUsers.VIEWER, TestUsers.PASSWORD);
            browser.open("admin/orders");
            browser.find("#list\\:table_data");
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.click("#list\\:table_paginator_top .ui-paginator-next");
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/login"));
            assertEquals("Sign in to Gatehouse", browser.text(".ui-card-title"));
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = new HttpSession(base()).get("login");
        var headers = login.headers();
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""));
        assertTrue(headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .allMatch(c -> c.contains("HttpOnly")));
        assertFalse(headers.firstValue("Server").orElse("").matches(".*\\d+\\.\\d+.*"), "no version banner");
    }
}
