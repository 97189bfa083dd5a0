package org.gatehouse.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.gatehouse.it.pages.FormPage;
import org.gatehouse.it.pages.Layout;
import org.gatehouse.it.pages.ListPage;
import org.gatehouse.it.pages.LoginPage;
import org.gatehouse.it.pages.PasswordPage;
import org.gatehouse.it.pages.RegisterPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lockout, login tracking, session revocation and response headers, over HTTP and in Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountSecurityIT {

    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final String INVALID = "Invalid email or password";
    /** Where e-mailed links point; the tests open them on the server under test instead. */
    private static final String PUBLIC_BASE = "https://console.example.test/gatehouse";

    @ArquillianResource
    private URL injected;

    private static GreenMail mail;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return Deployments.war(
                        DATABASE,
                        Map.of(
                                "GATEHOUSE_DEMO_ROWS",
                                "50",
                                "GATEHOUSE_REGISTRATION",
                                "open",
                                "GATEHOUSE_SMTP_HOST",
                                "127.0.0.1",
                                "GATEHOUSE_SMTP_PORT",
                                Integer.toString(port),
                                "GATEHOUSE_MAIL_FROM",
                                "noreply@gatehouse.test",
                                "GATEHOUSE_BASE_URL",
                                PUBLIC_BASE))
                .addClass(TestUsers.class);
    }

    @AfterAll
    static void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    private HttpResponse<String> askForReset(String email) throws Exception {
        HttpSession http = new HttpSession(base());
        String page = http.get("forgot").body();
        return http.post(
                "forgot", HttpSession.viewState(page), Map.of("form", "form", "form:email", email, "form:submit", ""));
    }

    @Test
    void aPasswordResetLinkWorksOnceAndOnlyWithinItsHour() throws Exception {
        HttpResponse<String> unknown = askForReset("nobody-here@example.com");
        HttpResponse<String> known = askForReset(TestUsers.RESETTABLE);
        assertEquals(200, known.statusCode());
        String sent = "If an account exists for this address";
        assertTrue(unknown.body().contains(sent) && known.body().contains(sent), "the same answer either way");
        assertTrue(mail.waitForIncomingEmail(15_000, 1));
        MimeMessage[] messages = mail.getReceivedMessages();
        assertEquals(1, messages.length, "no mail for an unknown address");
        assertEquals(TestUsers.RESETTABLE, messages[0].getAllRecipients()[0].toString());
        Matcher link =
                Pattern.compile("(http\\S+/reset\\?token=[A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(messages[0]));
        assertTrue(link.find(), GreenMailUtil.getBody(messages[0]));
        assertEquals(
                "0",
                single("select count(*) from password_resets where token_hash like '%"
                        + link.group(1).substring(link.group(1).indexOf('=') + 1) + "%'"),
                "only a hash is stored");

        try (Browser browser = new Browser(base())) {
            browser.driver().get(local(link.group(1)));
            PasswordPage reset = PasswordPage.shown(browser);
            reset.choose("reset-gave-me-this-one").save();
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/login"));
            Layout.of(browser).awaitToast("Your password was changed");
            browser.signIn(TestUsers.RESETTABLE, "reset-gave-me-this-one");
            assertTrue(browser.path().startsWith("/admin/"), browser.url());

            browser.driver().get(local(link.group(1)));
            assertTrue(reset.messages().contains("invalid or has expired"), "single use");
        }

        askForReset(TestUsers.RESETTABLE);
        assertTrue(mail.waitForIncomingEmail(15_000, 2));
        Matcher second = Pattern.compile("(http\\S+/reset\\?token=[A-Za-z0-9_-]+)")
                .matcher(GreenMailUtil.getBody(mail.getReceivedMessages()[1]));
        assertTrue(second.find());
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("update password_resets set expires_at = created_at - interval '1 minute'"
                    + " where used_at is null");
        }
        HttpResponse<String> expired =
                new HttpSession(base()).get(local(second.group(1)).substring(base().length()));
        assertTrue(expired.body().contains("invalid or has expired"), "an hour-old link is refused");
    }

    private String base() {
        return Deployments.localBase(injected);
    }

    /** A mailed link (built from GATEHOUSE_BASE_URL) pointed at the server under test. */
    private String local(String link) {
        assertTrue(link.startsWith(PUBLIC_BASE + "/reset?token="), link);
        return base() + link.substring(PUBLIC_BASE.length() + 1);
    }

    /** One login attempt on a fresh session: the response to the form post. */
    private HttpResponse<String> attempt(String email, String password) throws Exception {
        HttpSession http = new HttpSession(base());
        String page = http.get("login").body();
        return http.post(
                "login",
                HttpSession.viewState(page),
                Map.of("login", "login", "login:email", email, "login:password", password, "login:submit", ""));
    }

    private static String single(String sql) throws Exception {
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
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
        assertEquals(
                "1",
                single("select count(*) from audit_log where action = 'LOCKOUT' and actor = '" + TestUsers.LOCKABLE
                        + "'"));

        try (Browser admin = new Browser(base())) {
            admin.open("login");
            admin.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            ListPage users = ListPage.open(admin, "users", "q=lockable");
            assertFalse(users.cell(0, 4).isBlank(), "the lock shows in the list");
            users.select(0);
            users.bulkAction("unlock").confirmAction();
            Layout.of(admin).awaitToast("Unlock: 1 user"); // done-notices are toasts
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
            FormPage.shown(admin).password("a-brand-new-password-1").save();
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
            ListPage users = ListPage.open(admin, "users", "q=revocable");
            users.select(0);
            users.bulkAction("deactivate").confirmAction();
            Layout.of(admin).awaitToast("Deactivate: 1 user"); // done-notices are toasts
        }
        HttpResponse<String> partial = again.postAjax("admin/orders");
        assertTrue(
                partial.body().contains("<redirect url=") && partial.body().contains("/login"),
                "an AJAX request of a revoked session is sent to the login page: " + partial.body());
    }

    @Test
    void anAjaxRequestAfterTheSessionEndedLandsOnTheLoginPage() {
        try (Browser browser = new Browser(base())) {
            browser.open("login");
            browser.signIn(TestUsers.VIEWER, TestUsers.PASSWORD);
            ListPage orders = ListPage.open(browser, "orders", "");
            orders.rows();
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            orders.askForNextPage();
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/login"));
            assertEquals("Sign in to Gatehouse", LoginPage.shown(browser).title());
        }
    }

    @Test
    void selfRegisteredUsersWaitForAccessAndSeeNoAdminData() throws Exception {
        try (Browser browser = new Browser(base())) {
            browser.open("login");
            RegisterPage register = LoginPage.of(browser).register();
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/register"));
            register.register("newcomer@example.com", "1q2w3e4r5t6y");
            browser.wait(10).until(d -> d.getPageSource().contains("one of the most common"));
            assertTrue(
                    register.passwordField().contains("one of the most common"),
                    "a common password is refused on its field, with the rule named");
            register.register("newcomer@example.com", "a-newcomers-own-passphrase");
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/login"));
            Layout.of(browser).awaitToast("account request was received");

            browser.signIn("newcomer@example.com", "a-newcomers-own-passphrase");
            assertTrue(browser.path().startsWith("/waiting"), browser.url());
            browser.open("admin/customers");
            assertEquals("Access denied", ErrorPage.shown(browser).heading());
            assertFalse(browser.driver().getPageSource().contains("@example.com</td>"), "no shop data");
        }
        assertEquals(
                "0",
                single("select count(*) from users_roles ur join users u on u.id = ur.user_id"
                        + " where u.email = 'newcomer@example.com'"));
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        HttpSession elsewhere = HttpSession.signedIn(base(), TestUsers.EDITOR, TestUsers.PASSWORD);
        try (Browser browser = new Browser(base())) {
            browser.open("login");
            browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
            Layout layout = Layout.of(browser);
            PasswordPage password = layout.changePassword();
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/account/password"));
            password.current("not-my-password-at-all")
                    .choose("the-editors-new-password")
                    .save();
            browser.wait(10).until(d -> d.getPageSource().contains("current password is not right"));

            password.current(TestUsers.PASSWORD)
                    .choose("the-editors-new-password")
                    .save();
            // a full-page submit: wait for the new page rather than read the old one's messages
            layout.awaitToast("password was changed");
            browser.open("admin/orders");
            assertTrue(browser.path().startsWith("/admin/orders"), "this session carries on");
        }
        assertEquals(302, elsewhere.get("admin/orders").statusCode(), "the other session ended");
        assertEquals(302, attempt(TestUsers.EDITOR, "the-editors-new-password").statusCode());
        assertEquals(200, attempt(TestUsers.EDITOR, TestUsers.PASSWORD).statusCode(), "the old one no longer works");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = new HttpSession(base()).get("login");
        var headers = login.headers();
        List<String> policies = headers.allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy, not two that both apply: " + policies);
        String policy = policies.get(0);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        String scripts = policy.substring(policy.indexOf("script-src"));
        assertTrue(
                scripts.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}';?"),
                "a nonce, no inline or eval: " + policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertEquals("no-store", headers.firstValue("Cache-Control").orElse(""), "pages are never cached");
        String nonce = scripts.substring(scripts.indexOf("'nonce-") + 7, scripts.lastIndexOf('\''));
        assertTrue(login.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry the nonce");
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""));
        assertTrue(headers.allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .allMatch(c -> c.contains("HttpOnly") && c.toLowerCase().contains("samesite=lax")));
        assertFalse(headers.firstValue("Server").orElse("").matches(".*\\d+\\.\\d+.*"), "no version banner");
    }
}
