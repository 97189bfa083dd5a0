package org.gatehouse.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.PayaraProcess;
import org.gatehouse.it.RawHttp;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AttackUsers;
import org.gatehouse.it.fixtures.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker or a careless client would try, against the real WAR on Payara Micro and
 * PostgreSQL: path tricks with revoked, role-less and anonymous sessions, stale roles, raced
 * lockout, forged Host headers and raced reset links, forged view states and paging, and every
 * list parameter and form field fed naughty strings and boundary values. Timing of the
 * anonymous forms is printed (never asserted).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttackIT {

    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final String INVALID = "Invalid email or password";
    /** The public address reset links must use, whatever Host a request names. */
    private static final String PUBLIC_BASE = "https://gatehouse.example.test/gatehouse";

    @ArquillianResource
    private URL injected;

    private static GreenMail mail;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        int port = PayaraProcess.freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("GATEHOUSE_DEMO_ROWS", "50");
        config.put("GATEHOUSE_REGISTRATION", "open");
        config.put("GATEHOUSE_SMTP_HOST", "127.0.0.1");
        config.put("GATEHOUSE_SMTP_PORT", Integer.toString(port));
        config.put("GATEHOUSE_BASE_URL", PUBLIC_BASE + "/");
        // every request of this class comes from 127.0.0.1; the limit itself is tested in EmbeddedDefaultIT
        config.put("GATEHOUSE_RATE_LIMIT_PER_MINUTE", "100000");
        return Deployments.war(DATABASE, config).addClasses(TestUsers.class, AttackUsers.class);
    }

    @AfterAll
    static void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    private String base() {
        return Deployments.localBase(injected);
    }

    private HttpSession signIn(String email) throws Exception {
        return HttpSession.signedIn(
                base(), email, email.equals(Deployments.ADMIN_EMAIL) ? Deployments.ADMIN_PASSWORD : TestUsers.PASSWORD);
    }

    // ------------------------------------------------------------------ paths and sessions

    /** The same address, spelled the ways that confuse a layer that reads the raw URI. */
    static List<String> variants(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String up = "../".repeat(trimmed.split("/").length);
        return List.of(
                trimmed + ";/" + up + "login",
                trimmed + ";/" + up.replace("..", "%2e%2e") + "login",
                trimmed + ";x=1",
                trimmed + ";jsessionid=0",
                trimmed + "/..;/",
                trimmed + "/%2e%2e/",
                trimmed + "/%2E%2e/" + trimmed,
                trimmed + "/./",
                "login/../" + trimmed,
                "login/%2e%2e/" + trimmed,
                "./" + trimmed,
                trimmed.replace("/", "%2F"),
                trimmed + "%00",
                trimmed + "%5C..%5Clogin",
                trimmed.toUpperCase(java.util.Locale.ROOT),
                "/" + trimmed);
    }

    /** Signs the account in, then changes it the way the application does on each kind of revocation. */
    private HttpSession revokedSession(String kind) throws Exception {
        String email = switch (kind) {
            case "deactivated" -> AttackUsers.DEACTIVATED;
            case "roles removed" -> AttackUsers.ROLES_REMOVED;
            default -> AttackUsers.PASSWORD_CHANGED;
        };
        String user = "(select id from users where email = '" + email + "')";
        DATABASE.execute("update users set active = true where email = '" + email + "'");
        DATABASE.execute("insert into users_roles (user_id, role_id) select " + user
                + ", id from roles where name = 'admin'" + " on conflict do nothing");
        HttpSession session = signIn(email);
        assertEquals(200, session.get("admin/users").statusCode(), kind + ": works before");
        switch (kind) {
            case "deactivated" -> DATABASE.execute("update users set active = false where email = '" + email + "'");
            case "roles removed" -> {
                DATABASE.execute("delete from users_roles where user_id = " + user);
                DATABASE.execute("update users set session_stamp = 'roles-" + System.nanoTime() + "' where email = '"
                        + email + "'");
            }
            default ->
                DATABASE.execute("update users set session_stamp = 'password-" + System.nanoTime() + "' where email = '"
                        + email + "'");
        }
        return session;
    }

    @Test
    void theReportedBypassesDoNothingForARevokedSession() throws Exception {
        String usersBefore = DATABASE.text("select count(*) from users");
        for (String kind : List.of("deactivated", "roles removed", "password changed")) {
            HttpResponse<String> rows = revokedSession(kind).get("admin/users;/../../login");
            assertTrue(rows.statusCode() != 200 && rows.statusCode() < 500, kind + " list: " + rows.statusCode());
            HttpResponse<String> csv = revokedSession(kind).get("admin/users/export.csv;/../../../login");
            assertTrue(csv.statusCode() != 200 && csv.statusCode() < 500, kind + " export: " + csv.statusCode());
            assertFalse(csv.body().contains(Deployments.ADMIN_EMAIL), kind + " export leaks rows");
            HttpSession creating = revokedSession(kind);
            HttpResponse<String> created =
                    creating.post("admin/users/new;/../../../login", "1:2", Map.of("form", "form", "form:save", ""));
            assertTrue(
                    created.statusCode() != 200 && created.statusCode() < 500,
                    kind + " create: " + created.statusCode());
            assertEquals(302, creating.get("admin/users").statusCode(), kind + ": the session is over");
        }
        assertEquals(usersBefore, DATABASE.text("select count(*) from users"), "nothing was created");
    }

    @Test
    void revokedRoleLessAndAnonymousSessionsGetNothingThroughAnyPathVariant() throws Exception {
        String adminId = DATABASE.text("select id from users where email = '" + Deployments.ADMIN_EMAIL + "'");
        List<String> paths = List.of(
                "admin/",
                "admin/users",
                "admin/users/new",
                "admin/users/" + adminId,
                "admin/users/" + adminId + "/edit",
                "admin/users/export.csv",
                "admin/orders",
                "admin/audit",
                "admin/customers/new",
                "account/password",
                "waiting",
                "export-csv");

        Map<String, HttpSession> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", new HttpSession(base()));
        sessions.put("role-less", signIn(TestUsers.NO_ROLE));
        for (String kind : List.of("deactivated", "roles removed", "password changed")) {
            sessions.put(kind, revokedSession(kind));
        }
        String usersBefore = DATABASE.text("select count(*) from users");

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, HttpSession> session : sessions.entrySet()) {
            boolean signedInWithoutRole = session.getKey().equals("role-less");
            for (String path : paths) {
                boolean ownAccountPage = path.startsWith("account/") || path.equals("waiting");
                List<String> tried = new ArrayList<>(variants(path));
                tried.add(path);
                for (String variant : tried) {
                    // the container drops ";jsessionid=…" from the path (sessions come from cookies only)
                    boolean plain = variant.equals(path) || variant.equals(path.replaceAll("/$", "") + ";jsessionid=0");
                    for (String method : List.of("GET", "POST")) {
                        HttpResponse<String> response = method.equals("GET")
                                ? session.getValue().get(variant)
                                : session.getValue().post(variant, "1:2", Map.of("form", "form"));
                        requests++;
                        int status = response.statusCode();
                        String location =
                                response.headers().firstValue("Location").orElse("");
                        boolean allowed = status == 400
                                || status == 403
                                || status == 404
                                || status == 405
                                || status == 302 && (location.endsWith("/login") || location.endsWith("/waiting"));
                        if (plain && signedInWithoutRole && ownAccountPage && status == 200 && method.equals("GET")) {
                            allowed = true; // a role-less user may see their own account page and the waiting page
                        }
                        if (!allowed) {
                            failures.add(
                                    session.getKey() + " " + method + " " + variant + " -> " + status + " " + location);
                        }
                    }
                }
            }
        }
        System.out.println("[attack] path variants: " + requests + " requests, " + failures.size() + " leaks");
        assertTrue(failures.isEmpty(), "answered although revoked, role-less or anonymous: " + failures);
        assertEquals(usersBefore, DATABASE.text("select count(*) from users"), "nothing was created");
        for (String revoked : List.of("deactivated", "roles removed", "password changed")) {
            HttpResponse<String> after = sessions.get(revoked).get("admin/users");
            assertEquals(302, after.statusCode(), revoked + " session is over");
            assertTrue(after.headers().firstValue("Location").orElse("").endsWith("/login"));
        }
    }

    @Test
    void aViewerGetsNoMoreThroughPathVariantsThanThroughThePlainAddress() throws Exception {
        HttpSession viewer = signIn(TestUsers.VIEWER);
        List<String> failures = new ArrayList<>();
        for (String path :
                List.of("admin/orders", "admin/customers/new", "admin/users", "admin/audit", "admin/products/trash")) {
            int plain = viewer.get(path).statusCode();
            assertTrue(plain == 200 || plain == 403, path + " -> " + plain);
            for (String variant : variants(path)) {
                int status = viewer.get(variant).statusCode();
                // the container drops ";jsessionid=…" (and ignores it: sessions come from cookies), so that
                // spelling may read like the plain address; none may read better than it or fail
                boolean more = status == 200 && plain != 200 || status >= 500;
                boolean unexpected = status != 200 && status != 302 && status != 400 && status != 403 && status != 404;
                if (more || unexpected || status == 200 && !variant.contains(";jsessionid=")) {
                    failures.add(variant + " -> " + status);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(403, viewer.get("admin/customers/new").statusCode(), "viewers create nothing");
    }

    @Test
    void writesCheckTheRolesTheAccountHoldsNowNotThoseItsSessionRemembers() throws Exception {
        HttpSession stale = signIn(AttackUsers.STALE_ROLES);
        HttpResponse<String> form = stale.get("admin/customers/new");
        assertEquals(200, form.statusCode());
        // roles taken away behind the application's back: the session's stamp stays, its roles do not
        DATABASE.execute("delete from users_roles where user_id = (select id from users where email = '"
                + AttackUsers.STALE_ROLES + "')");
        Map<String, String> fields = formFields(form.body());
        fields.put(fieldInput(form.body(), "name"), "Stale Roles Customer");
        fields.put(fieldInput(form.body(), "email"), "stale-roles-customer@example.com");
        fields.put("form:save", "");
        HttpResponse<String> saved = stale.post("admin/customers/new", HttpSession.viewState(form.body()), fields);
        assertEquals(403, saved.statusCode(), "the service refuses the write");
        assertEquals(
                "0", DATABASE.text("select count(*) from customers where email = 'stale-roles-customer@example.com'"));
        assertEquals(
                "1",
                DATABASE.text("select count(*) from audit_log where action = 'FORBIDDEN' and actor = '"
                        + AttackUsers.STALE_ROLES + "'"));
    }

    /** The hidden and text inputs of a form page, by name, as a browser would post them. */
    private static Map<String, String> formFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*>").matcher(html);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find()
                    && !name.group(1).equals("jakarta.faces.ViewState")
                    && !input.group().contains("type=\"checkbox\"")) {
                fields.put(name.group(1), value.find() ? value.group(1) : "");
            }
        }
        fields.put("form", "form");
        return fields;
    }

    /** The input name of a property's field on the generic form. */
    private static String fieldInput(String html, String property) {
        Matcher matcher = Pattern.compile(
                        "id=\"field-" + property + "\".*?name=\"(form:fields:\\d+:\\w+)\"", Pattern.DOTALL)
                .matcher(html);
        assertTrue(matcher.find(), "no field " + property);
        return matcher.group(1);
    }

    // ------------------------------------------------------------------ lockout

    /** One login attempt: a session prepared beforehand, so that only the post itself races. */
    private record Attempt(HttpSession session, String viewState) {
        HttpResponse<String> post(String email, String password) throws Exception {
            return session.post(
                    "login",
                    viewState,
                    Map.of("login", "login", "login:email", email, "login:password", password, "login:submit", ""));
        }
    }

    private Attempt prepare() throws Exception {
        HttpSession session = new HttpSession(base());
        return new Attempt(session, HttpSession.viewState(session.get("login").body()));
    }

    @Test
    void concurrentGuessesCannotOutrunTheLockout() throws Exception {
        int guesses = 15;
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i <= guesses; i++) {
            attempts.add(prepare());
        }
        ExecutorService pool = Executors.newFixedThreadPool(guesses + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> wrong = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                Attempt attempt = attempts.get(i);
                String password = "not-the-password-" + i;
                wrong.add(pool.submit(() -> {
                    start.await();
                    return attempt.post(AttackUsers.RACED, password);
                }));
            }
            Attempt last = attempts.get(guesses);
            Future<HttpResponse<String>> right = pool.submit(() -> {
                start.await();
                // once five guesses have counted (most still checking their passwords), the right one comes
                long deadline = System.currentTimeMillis() + 30_000;
                while (Integer.parseInt(DATABASE.text(
                                        "select failed_count from users where email = '" + AttackUsers.RACED + "'"))
                                < 5
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
                return last.post(AttackUsers.RACED, AttackUsers.PASSWORD);
            });
            start.countDown();
            for (Future<HttpResponse<String>> guess : wrong) {
                assertTrue(guess.get().body().contains(INVALID));
            }
            HttpResponse<String> answer = right.get();
            assertEquals(200, answer.statusCode(), "the right password after five raced guesses counted is refused");
            assertTrue(answer.body().contains(INVALID), "with the same message as a wrong one");
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(
                DATABASE.text("select locked_until from users where email = '" + AttackUsers.RACED + "'"), "locked");
        assertTrue(
                Integer.parseInt(DATABASE.text(
                                "select failed_count from users where email = '" + AttackUsers.RACED + "'"))
                        >= 5,
                "no failure was lost or erased");
        assertEquals(
                "1",
                DATABASE.text("select count(*) from audit_log where action = 'LOCKOUT' and actor = '"
                        + AttackUsers.RACED + "'"));
        assertEquals(
                200, prepare().post(AttackUsers.RACED, AttackUsers.PASSWORD).statusCode(), "still locked");
    }

    @Test
    void aRightPasswordAmongConcurrentGuessesErasesNoneOfThem() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(prepare());
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < attempts.size(); i++) {
                Attempt attempt = attempts.get(i);
                String password = i == 2 ? AttackUsers.PASSWORD : "not-the-password-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.post(AttackUsers.RACED_RIGHT, password);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // whether the right one came early enough to be checked or not, the wrong ones used up the attempts:
        // locked, and at most the right one's own count was given back
        assertNotNull(
                DATABASE.text("select locked_until from users where email = '" + AttackUsers.RACED_RIGHT + "'"),
                "locked");
        assertTrue(Integer.parseInt(
                        DATABASE.text("select failed_count from users where email = '" + AttackUsers.RACED_RIGHT + "'"))
                >= 4);
    }

    @Test
    void wrongCurrentPasswordsOnTheAccountPageCountTowardTheLockout() throws Exception {
        HttpSession user = signIn(AttackUsers.GUESSED);
        for (int i = 0; i < 5; i++) {
            String page = user.get("account/password").body();
            HttpResponse<String> wrong = user.post(
                    "account/password",
                    HttpSession.viewState(page),
                    Map.of(
                            "form",
                            "form",
                            "form:currentPassword",
                            "not-my-password-" + i,
                            "form:password",
                            "a-brand-new-passphrase-9",
                            "form:confirmation",
                            "a-brand-new-passphrase-9",
                            "form:save",
                            ""));
            assertTrue(wrong.body().contains("The current password is not right"), wrong.body());
        }
        String page = user.get("account/password").body();
        HttpResponse<String> right = user.post(
                "account/password",
                HttpSession.viewState(page),
                Map.of(
                        "form",
                        "form",
                        "form:currentPassword",
                        AttackUsers.PASSWORD,
                        "form:password",
                        "a-brand-new-passphrase-9",
                        "form:confirmation",
                        "a-brand-new-passphrase-9",
                        "form:save",
                        ""));
        assertTrue(right.body().contains("Too many wrong passwords"), "locked after five guesses");
        assertNotNull(DATABASE.text("select locked_until from users where email = '" + AttackUsers.GUESSED + "'"));
        assertEquals(
                200,
                prepare().post(AttackUsers.GUESSED, AttackUsers.PASSWORD).statusCode(),
                "and the sign-in page refuses the account too");
    }

    // ------------------------------------------------------------------ reset links and Host

    private String injectedPath() {
        String base = base();
        return base.substring(base.indexOf('/', "http://".length()));
    }

    /** Asks for a reset link the way a browser would, but naming the given Host; returns the mailed link. */
    private String askForReset(String email, String host) throws Exception {
        int before = mailsTo(email).size();
        HttpSession session = new HttpSession(base());
        String page = session.get("forgot").body();
        String viewState = HttpSession.viewState(page);
        String body = "form=form&form%3Aemail=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&form%3Asubmit=&jakarta.faces.ViewState=" + URLEncoder.encode(viewState, StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(session.nonce(viewState), StandardCharsets.UTF_8);
        RawHttp.Response response =
                RawHttp.send(base(), "POST", injectedPath() + "forgot", host, body, session.cookieHeader());
        assertEquals(200, response.status());
        assertTrue(response.body().contains("If an account exists for this address"));
        // mails go out in the background, and other tests' mails may arrive meanwhile: wait for this one's
        long deadline = System.currentTimeMillis() + 15_000;
        while (mailsTo(email).size() <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<String> mails = mailsTo(email);
        assertEquals(before + 1, mails.size(), "one mail to " + email);
        Matcher link =
                Pattern.compile("(https?://\\S+/reset\\?token=[A-Za-z0-9_-]+)").matcher(mails.get(before));
        assertTrue(link.find(), mails.get(before));
        return link.group(1);
    }

    private static List<String> mailsTo(String email) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (var message : mail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email)) {
                bodies.add(GreenMailUtil.getBody(message));
            }
        }
        return bodies;
    }

    /** The mailed link, pointed at the server under test instead of the public address. */
    private String local(String link) {
        assertTrue(link.startsWith(PUBLIC_BASE + "/reset?token="), "built from GATEHOUSE_BASE_URL: " + link);
        return link.substring(PUBLIC_BASE.length() + 1);
    }

    @Test
    void resetLinksComeFromTheConfiguredAddressAndOnlyTheNewestOneWorksOnce() throws Exception {
        String first = askForReset(AttackUsers.RESET, "evil.example");
        assertFalse(first.contains("evil.example"), "a forged Host never reaches the e-mail");
        String second = askForReset(AttackUsers.RESET, "evil.example:8080");
        local(second);

        HttpSession anyone = new HttpSession(base());
        assertTrue(anyone.get(local(first)).body().contains("invalid or has expired"), "a newer link voids the older");

        // two people (or tabs) use the newest link at the same moment: exactly one sets the password
        HttpSession a = new HttpSession(base());
        HttpSession b = new HttpSession(base());
        String pageA = a.get(local(second)).body();
        String pageB = b.get(local(second)).body();
        String token = local(second).substring(local(second).indexOf('=') + 1);
        Callable<HttpResponse<String>> resetA = () -> a.post(
                "reset",
                HttpSession.viewState(pageA),
                Map.of(
                        "form",
                        "form",
                        "form:token",
                        token,
                        "form:password",
                        "first-new-passphrase-41",
                        "form:confirmation",
                        "first-new-passphrase-41",
                        "form:save",
                        ""));
        Callable<HttpResponse<String>> resetB = () -> b.post(
                "reset",
                HttpSession.viewState(pageB),
                Map.of(
                        "form",
                        "form",
                        "form:token",
                        token,
                        "form:password",
                        "second-new-passphrase-42",
                        "form:confirmation",
                        "second-new-passphrase-42",
                        "form:save",
                        ""));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> answers;
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<HttpResponse<String>> one = pool.submit(() -> {
                start.await();
                return resetA.call();
            });
            Future<HttpResponse<String>> other = pool.submit(() -> {
                start.await();
                return resetB.call();
            });
            start.countDown();
            answers = List.of(one.get(), other.get());
        } finally {
            pool.shutdownNow();
        }
        long redirected = answers.stream().filter(r -> r.statusCode() == 302).count();
        assertEquals(
                1,
                redirected,
                "one reset succeeds: "
                        + answers.stream().map(HttpResponse::statusCode).toList());
        assertTrue(
                answers.stream().anyMatch(r -> r.statusCode() == 200 && r.body().contains("invalid or has expired")),
                "the other is told the link is used");
        assertTrue(anyone.get(local(second)).body().contains("invalid or has expired"), "single use");
    }

    @Test
    void redirectsNeverNameTheHostARequestClaims() throws Exception {
        RawHttp.Response root = RawHttp.send(base(), "GET", injectedPath(), "evil.example", null);
        RawHttp.Response login = RawHttp.send(base(), "GET", injectedPath() + "admin/users", "evil.example", null);
        for (RawHttp.Response response : List.of(root, login)) {
            assertEquals(302, response.status());
            String location = response.header("Location");
            assertNotNull(location);
            assertFalse(location.contains("evil.example"), location);
            assertTrue(location.startsWith("/"), "a path, not an address: " + location);
        }
        HttpSession session = new HttpSession(base());
        String page = session.get("login").body();
        String viewState = HttpSession.viewState(page);
        String body = "login=login&login%3Aemail=" + URLEncoder.encode(Deployments.ADMIN_EMAIL, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + URLEncoder.encode(Deployments.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + URLEncoder.encode(viewState, StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(session.nonce(viewState), StandardCharsets.UTF_8);
        RawHttp.Response signedIn =
                RawHttp.send(base(), "POST", injectedPath() + "login", "evil.example", body, session.cookieHeader());
        assertEquals(302, signedIn.status());
        assertEquals(injectedPath() + "admin/", signedIn.header("Location"));
    }

    // ------------------------------------------------------------------ timing

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long millis(Callable<HttpResponse<String>> request, String expected) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = request.call();
        long took = (System.nanoTime() - started) / 1_000_000;
        assertTrue(
                response.body().contains(expected) || response.statusCode() == 302,
                "same answer either way: " + response.statusCode());
        return took;
    }

    @Test
    void unknownAccountsTakeAsLongAsKnownOnes() throws Exception {
        int rounds = 7;
        List<Long> loginKnown = new ArrayList<>();
        List<Long> loginUnknown = new ArrayList<>();
        List<Long> registerTaken = new ArrayList<>();
        List<Long> registerNew = new ArrayList<>();
        List<Long> forgotKnown = new ArrayList<>();
        List<Long> forgotUnknown = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Attempt known = prepare();
            Attempt unknown = prepare();
            loginKnown.add(millis(() -> known.post(AttackUsers.TIMED, "wrong-password-" + System.nanoTime()), INVALID));
            loginUnknown.add(millis(
                    () -> unknown.post("nobody-" + System.nanoTime() + "@example.com", "wrong-password-x"), INVALID));
            registerTaken.add(millis(register(TestUsers.VIEWER), "account request was received"));
            registerNew.add(
                    millis(register("new-" + System.nanoTime() + "@example.com"), "account request was received"));
            forgotKnown.add(millis(forgot(TestUsers.VIEWER), "If an account exists"));
            forgotUnknown.add(millis(forgot("nobody-" + System.nanoTime() + "@example.com"), "If an account exists"));
        }
        System.out.printf(
                "[attack] timing medians (ms, %d rounds): login known %d / unknown %d;"
                        + " register taken %d / new %d; forgot known %d / unknown %d%n",
                rounds,
                median(loginKnown),
                median(loginUnknown),
                median(registerTaken),
                median(registerNew),
                median(forgotKnown),
                median(forgotUnknown));
    }

    private Callable<HttpResponse<String>> register(String email) throws Exception {
        HttpSession session = new HttpSession(base());
        String page = session.get("register").body();
        return () -> session.post(
                "register",
                HttpSession.viewState(page),
                Map.of(
                        "form",
                        "form",
                        "form:email",
                        email,
                        "form:password",
                        "registration-passphrase-77",
                        "form:confirmation",
                        "registration-passphrase-77",
                        "form:submit",
                        ""));
    }

    private Callable<HttpResponse<String>> forgot(String email) throws Exception {
        HttpSession session = new HttpSession(base());
        String page = session.get("forgot").body();
        return () -> session.post(
                "forgot", HttpSession.viewState(page), Map.of("form", "form", "form:email", email, "form:submit", ""));
    }

    // ------------------------------------------------------------------ crafted postbacks

    @Test
    void forgedViewStatesAndPostbacksByGetAreClientErrors() throws Exception {
        HttpResponse<String> forged = new HttpSession(base())
                .post(
                        "login",
                        "1:2",
                        Map.of(
                                "login",
                                "login",
                                "login:email",
                                "a@example.com",
                                "login:password",
                                "x",
                                "login:submit",
                                ""));
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("Your page has expired"));

        HttpSession admin = signIn(Deployments.ADMIN_EMAIL);
        String list = admin.get("admin/customers").body();
        String customers = DATABASE.text("select count(*) from customers");
        String id = DATABASE.text("select min(id) from customers");
        HttpResponse<String> byGet = admin.get("admin/customers?list=list&list%3Atable_selection=" + id
                + "&list%3AconfirmDeleteSelected=&jakarta.faces.ViewState="
                + URLEncoder.encode(HttpSession.viewState(list), StandardCharsets.UTF_8));
        assertEquals(400, byGet.statusCode(), "a GET never runs a postback");
        assertEquals(customers, DATABASE.text("select count(*) from customers"));
    }

    @Test
    void anExpiredPageReloadsAtItsOwnAddressAndSignedInPagesAreNeverCached() throws Exception {
        HttpSession admin = signIn(Deployments.ADMIN_EMAIL);
        HttpResponse<String> page = admin.get("admin/orders?status=PAID");
        assertEquals(
                "no-store", page.headers().firstValue("Cache-Control").orElse(""), "Back after sign-out shows nothing");
        HttpResponse<String> expired = admin.postAjax(
                "admin/orders?status=PAID",
                "999:999",
                Map.of(
                        "jakarta.faces.source",
                        "list:table",
                        "jakarta.faces.partial.execute",
                        "list:table",
                        "jakarta.faces.partial.render",
                        "list:table",
                        "list",
                        "list"));
        assertEquals(200, expired.statusCode());
        assertTrue(
                expired.body().contains("<redirect url=\"" + injectedPath() + "admin/orders?status=PAID\""),
                "the page is loaded afresh at the address it was posted to: " + expired.body());
    }

    @Test
    void craftedPagingOfTheTableIsABadRequest() throws Exception {
        HttpSession admin = signIn(Deployments.ADMIN_EMAIL);
        for (String[] paging : new String[][] {
            {"0", "0"},
            {"0", "7"},
            {"-20", "20"},
            {"20", "-5"},
            {"abc", "20"},
            {"999999999999", "20"},
            {"0", "2147483647"}
        }) {
            String page = admin.get("admin/orders").body();
            HttpResponse<String> response = admin.postAjax(
                    "admin/orders",
                    HttpSession.viewState(page),
                    Map.of(
                            "jakarta.faces.source",
                            "list:table",
                            "jakarta.faces.partial.execute",
                            "list:table",
                            "jakarta.faces.partial.render",
                            "list:table",
                            "list:table_pagination",
                            "true",
                            "list:table_first",
                            paging[0],
                            "list:table_rows",
                            paging[1],
                            "list",
                            "list"));
            assertEquals(400, response.statusCode(), "first=" + paging[0] + " rows=" + paging[1]);
        }
        for (String position : BOUNDARIES) {
            String page = admin.get("admin/orders").body();
            Map<String, String> paging = new java.util.HashMap<>(Map.of(
                    "jakarta.faces.source",
                    "list:table",
                    "jakarta.faces.partial.execute",
                    "list:table",
                    "jakarta.faces.partial.render",
                    "list:table",
                    "list:table_pagination",
                    "true",
                    "list:table_first",
                    "20",
                    "list:table_rows",
                    "20",
                    "list",
                    "list"));
            paging.put("position.next", position);
            paging.put("position.previous", position);
            HttpResponse<String> crafted = admin.postAjax("admin/orders", HttpSession.viewState(page), paging);
            assertEquals(
                    200, crafted.statusCode(), "position " + position.substring(0, Math.min(40, position.length())));
            assertTrue(
                    crafted.body().contains("<partial-response")
                            && !crafted.body().contains("error-500"),
                    "a position that does not fit is ignored: page 2 by its number");
        }
        String page = admin.get("admin/orders").body();
        HttpResponse<String> real = admin.postAjax(
                "admin/orders",
                HttpSession.viewState(page),
                Map.of(
                        "jakarta.faces.source",
                        "list:table",
                        "jakarta.faces.partial.execute",
                        "list:table",
                        "jakarta.faces.partial.render",
                        "list:table",
                        "list:table_pagination",
                        "true",
                        "list:table_first",
                        "20",
                        "list:table_rows",
                        "20",
                        "list",
                        "list"));
        assertEquals(200, real.statusCode());
        assertTrue(real.body().contains("<partial-response") && !real.body().contains("error-500"), real.body());
    }

    // ------------------------------------------------------------------ fuzzing

    private static List<String> naughtyStrings() throws Exception {
        try (var in = AttackIT.class.getResourceAsStream("/attack/blns.json")) {
            assertNotNull(in, "attack/blns.json on the test class path");
            return jsonStrings(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The strings of a JSON array of strings (the corpus file's whole format). */
    static List<String> jsonStrings(String json) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (current == null) {
                if (c == '"') {
                    current = new StringBuilder();
                }
            } else if (c == '"') {
                strings.add(current.toString());
                current = null;
            } else if (c == '\\') {
                char escaped = json.charAt(++i);
                switch (escaped) {
                    case 'n' -> current.append('\n');
                    case 'r' -> current.append('\r');
                    case 't' -> current.append('\t');
                    case 'b' -> current.append('\b');
                    case 'f' -> current.append('\f');
                    case 'u' -> {
                        current.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> current.append(escaped);
                }
            } else {
                current.append(c);
            }
        }
        return strings;
    }

    /** Values at and past the edges of every type a list parameter takes. */
    static final List<String> BOUNDARIES = List.of(
            "0",
            "-1",
            "1",
            "2147483647",
            "2147483648",
            "-2147483649",
            "4294967296",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e100000",
            "-1e-100000",
            "NaN",
            "Infinity",
            "0x10",
            "1,5",
            "1.5",
            "00000000000000000000001",
            "+999999999-12-31",
            "+999999999-12-31T23:59:59",
            "-999999999-01-01",
            "0000-00-00",
            "2026-02-30",
            "2026-13-01",
            "9999-12-31T23:59:59.999999999",
            "0001-01-01",
            "2026-01-01T25:00",
            "a\u0000b",
            "\u0000",
            "\u001b[31m",
            "\uD800",
            "-",
            "--",
            "-id",
            "id,-id",
            ",,,",
            " ",
            "true",
            "yes",
            "%00",
            "%",
            "_",
            "\\",
            "'",
            "\"",
            "x".repeat(5000),
            // keyset positions (after=, before=): Base64 of other sorts, bad values, separators, control characters
            position("-createdAt,2026-01-01T00%3A00,1"),
            position("email,%00,1"),
            position("-createdAt,,"),
            position("name,x,9223372036854775808"),
            position("-createdAt,+999999999-12-31T23%3A59,1"),
            position(",".repeat(1000)),
            position("sku," + "y".repeat(600) + ",1"),
            "AAAA",
            "====",
            "-_-_");

    private static String position(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyListParameterOfEveryViewAnswersWithoutAServerError() throws Exception {
        HttpSession admin = signIn(Deployments.ADMIN_EMAIL);
        List<String> corpus = new ArrayList<>(BOUNDARIES);
        List<String> naughty = naughtyStrings();
        for (int i = 0; i < naughty.size(); i += 6) {
            corpus.add(naughty.get(i));
        }
        // each request sets every parameter of a view at once, each to a different value of the corpus,
        // so that every parameter meets every value in as many requests as the corpus has values
        List<String> urls = new ArrayList<>();
        for (String view : List.of("customers", "products", "orders", "users", "roles", "audit")) {
            String page = admin.get("admin/" + view).body();
            assertFalse(page.contains("error-500"), view);
            List<String> parameters =
                    new ArrayList<>(List.of("page", "size", "sort", "q", view.equals("orders") ? "before" : "after"));
            Matcher names = Pattern.compile("name=\"([A-Za-z]+(?:\\.(?:from|to))?)\"[^>]*id=\"filter-")
                    .matcher(page);
            while (names.find()) {
                parameters.add(names.group(1));
            }
            assertTrue(parameters.size() > 5 || view.equals("roles"), "filters of " + view + " found: " + parameters);
            for (int round = 0; round < corpus.size(); round++) {
                StringBuilder query = new StringBuilder();
                for (int p = 0; p < parameters.size(); p++) {
                    query.append(p == 0 ? "" : "&")
                            .append(URLEncoder.encode(parameters.get(p), StandardCharsets.UTF_8))
                            .append('=')
                            .append(URLEncoder.encode(
                                    corpus.get((round + p * 7) % corpus.size()), StandardCharsets.UTF_8));
                }
                urls.add("admin/" + view + "?" + query);
            }
        }
        for (int i = 1; i < naughty.size(); i += 4) {
            urls.add("admin/orders?q=" + URLEncoder.encode(naughty.get(i), StandardCharsets.UTF_8));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String url : urls) {
                done.add(pool.submit(() -> {
                    HttpResponse<String> response = admin.get(url);
                    if (response.statusCode() != 200 || response.body().contains("error-500")) {
                        failures.add(url.substring(0, Math.min(300, url.length())) + " -> " + response.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("[attack] list parameters: " + urls.size() + " requests, " + failures.size() + " failures");
        assertTrue(
                failures.isEmpty(),
                failures.size() + " failures, e.g. " + failures.subList(0, Math.min(10, failures.size())));
    }

    @Test
    void outOfRangeFiltersAreRefusedWithANoticeNotWrapped() throws Exception {
        HttpSession admin = signIn(Deployments.ADMIN_EMAIL);
        for (String query : List.of(
                "products?stock.from=4294967296",
                "orders?total.from=1e100000",
                "orders?createdAt.from=%2B999999999-12-31T23:59:59",
                "orders?createdAt.to=0000-01-01",
                "customers?sort=id",
                "users?sort=lastLoginAt",
                "orders?q=a%00b",
                "orders?page=2147483647")) {
            HttpResponse<String> response = admin.get("admin/" + query);
            assertEquals(200, response.statusCode(), query);
            assertTrue(response.body().contains("ui-messages-warn"), "a notice for " + query);
        }
        String all = DATABASE.text("select count(*) from products");
        HttpResponse<String> wrapped = admin.get("admin/products?stock.from=4294967296");
        assertTrue(
                wrapped.body().contains(all + " products") || wrapped.body().contains(all + " product"),
                "the refused filter is not applied (and never wraps to 0)");
    }

    @Test
    void formFieldsTakeAnyTextOrSayWhyNotAndStoreExactlyWhatWasAccepted() throws Exception {
        HttpSession admin = signIn(Deployments.ADMIN_EMAIL);
        List<String> naughty = new ArrayList<>(naughtyStrings());
        naughty.addAll(List.of("a\u0000b", "\u0007bell", "line\nbreak", "\uD800lone", "x".repeat(121)));
        List<String> failures = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < naughty.size(); i += 7) {
            String text = naughty.get(i);
            String email = "fuzz-" + i + "@example.com";
            HttpResponse<String> form = admin.get("admin/customers/new");
            Map<String, String> fields = formFields(form.body());
            fields.put(fieldInput(form.body(), "name"), text);
            fields.put(fieldInput(form.body(), "email"), email);
            fields.put(fieldInput(form.body(), "city"), text.length() > 80 ? text.substring(0, 80) : text);
            fields.put("form:save", "");
            HttpResponse<String> saved = admin.post("admin/customers/new", HttpSession.viewState(form.body()), fields);
            if (saved.statusCode() == 302) {
                created++;
                String stored = DATABASE.text("select name from customers where email = '" + email + "'");
                if (stored == null || !(stored.equals(text) || stored.equals(text.strip()))) {
                    failures.add("stored differently: " + i + " "
                            + saved.headers().firstValue("Location").orElse("") + " stored " + stored);
                }
            } else if (saved.statusCode() != 200
                    || !saved.body().contains("ui-message-error")
                            && !saved.body().contains("ui-messages-error")) {
                failures.add(i + " -> " + saved.statusCode());
            }
        }
        for (String form : List.of("login", "forgot", "register")) {
            for (String text : List.of("a\u0000b@example.com", "\u0000", naughty.get(3), naughty.get(100))) {
                HttpSession anonymous = new HttpSession(base());
                String page = anonymous.get(form).body();
                String prefix = form.equals("login") ? "login" : "form";
                HttpResponse<String> answer = anonymous.post(
                        form,
                        HttpSession.viewState(page),
                        Map.of(
                                prefix,
                                prefix,
                                prefix + ":email",
                                text,
                                prefix + ":password",
                                "some-long-passphrase-1",
                                prefix + ":confirmation",
                                "some-long-passphrase-1",
                                prefix + ":submit",
                                ""));
                if (answer.statusCode() >= 500 || answer.body().contains("error-500")) {
                    failures.add(form + " " + answer.statusCode());
                }
            }
        }
        System.out.println(
                "[attack] form fuzzing: " + created + " customers created, " + failures.size() + " failures");
        assertTrue(created > 0, "ordinary naughty text is accepted");
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
