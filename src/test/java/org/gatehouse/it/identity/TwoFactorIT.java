package org.gatehouse.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.ProductRows;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.FactorUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Two-factor sign-in, enforced per role, with recovery codes, step-up for dangerous operations and
 * sessions a user can end, driven over HTTP the way a browser (or an attacker) sends it. Codes are
 * computed by an RFC 6238 implementation independent of the application's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorIT {

    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final Pattern KEY = Pattern.compile("id=\"key\" class=\"gh-key\">([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY =
            Pattern.compile("<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>");
    private static final String ENROLMENT = "/account/two-factor";

    @ArquillianResource
    private URL injected;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // administrators must have a second factor; a sign-in counts as recent for six seconds only
        return Deployments.war(
                        DATABASE,
                        Map.of(
                                "GATEHOUSE_DEMO_ROWS",
                                "300",
                                "GATEHOUSE_MFA_REQUIRED_ROLES",
                                "admin",
                                "GATEHOUSE_STEP_UP_MINUTES",
                                "0.1"))
                .addClasses(FactorUsers.class, org.gatehouse.it.fixtures.TestUsers.class);
    }

    /** What enrolment gave the test: the key (read from the page, as a person would type it) and the recovery codes. */
    private record Factor(String key, List<String> recoveryCodes, long[] lastStep) {
        /** A code the server has not seen yet: the next step after the last one used (within the drift window). */
        String nextCode() throws Exception {
            long step = lastStep[0] + 1;
            while (step > currentStep() + 1) {
                Thread.sleep(1000);
            }
            lastStep[0] = Math.max(step, currentStep());
            return codeAt(key, lastStep[0]);
        }
    }

    private static long currentStep() {
        return System.currentTimeMillis() / 1000 / 30;
    }

    private static String codeAt(String key, long step) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(key, step);
    }

    private String base() {
        return Deployments.localBase(injected);
    }

    /** Posts the sign-in form; returns the answer (302 to where it continues, or 200 with a message). */
    private static HttpResponse<String> passwordStep(HttpSession session, String email, String password)
            throws Exception {
        HttpResponse<String> page = session.get("login");
        return session.post(
                "login",
                HttpSession.viewState(page.body()),
                Map.of("login", "login", "login:email", email, "login:password", password, "login:submit", ""));
    }

    private static HttpResponse<String> codeStep(HttpSession session, String code) throws Exception {
        HttpResponse<String> page = session.get("verify");
        return session.post(
                "verify",
                HttpSession.viewState(page.body()),
                Map.of("verify", "verify", "verify:code", code, "verify:submit", ""));
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Sets up a factor for the signed-in session's user through the account page. */
    private static Factor enrol(HttpSession session) throws Exception {
        HttpResponse<String> page = session.get("account/two-factor");
        assertEquals(200, page.statusCode());
        Matcher key = KEY.matcher(page.body());
        assertTrue(key.find(), "the page shows the key as text: " + page.body());
        assertTrue(page.body().contains("src=\"data:image/svg+xml;base64,"), "and as a QR code drawn by the server");
        String secret = key.group(1).replace(" ", "");
        String viewState = HttpSession.viewState(page.body());
        HttpResponse<String> wrong = session.post(
                "account/two-factor",
                viewState,
                Map.of("factor", "factor", "factor:code", "12345x", "factor:enable", ""));
        assertTrue(wrong.body().contains("That code is not right"), "a wrong first code is refused");
        long step = currentStep();
        HttpResponse<String> done = session.post(
                "account/two-factor",
                HttpSession.viewState(wrong.body()),
                Map.of("factor", "factor", "factor:code", codeAt(secret, step), "factor:enable", ""));
        assertEquals(200, done.statusCode());
        List<String> codes = new ArrayList<>();
        Matcher code = RECOVERY.matcher(done.body());
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertEquals(10, codes.size(), "ten recovery codes shown once: " + done.body());
        assertTrue(done.body().contains("download=\"gatehouse-recovery-codes.txt\""));
        return new Factor(secret, codes, new long[] {step});
    }

    private HttpSession signedInWithCode(String email, Factor factor) throws Exception {
        HttpSession session = new HttpSession(base());
        assertTrue(location(passwordStep(session, email, FactorUsers.PASSWORD)).endsWith("/verify"));
        HttpResponse<String> verified = codeStep(session, factor.nextCode());
        assertEquals(302, verified.statusCode(), verified.body());
        return session;
    }

    @Test
    void aRoleThatRequiresASecondFactorReachesNothingButEnrolmentUntilItHasOne() throws Exception {
        HttpSession admin = new HttpSession(base());
        HttpResponse<String> signIn = passwordStep(admin, FactorUsers.REQUIRED_ADMIN, FactorUsers.PASSWORD);
        assertEquals(302, signIn.statusCode());
        assertTrue(location(signIn).endsWith(ENROLMENT), "straight to enrolment: " + location(signIn));
        long product = 1;
        for (String path : List.of(
                "admin/",
                "admin/orders",
                "admin/users/1",
                "admin/users/1/edit",
                "admin/orders/export.csv",
                "admin/products/new",
                "account/password",
                "account/sessions",
                "waiting",
                "admin/orders;x=1",
                "account/two-factor/",
                "ACCOUNT/two-factor",
                "export-csv")) {
            HttpResponse<String> page = admin.get(path);
            assertEquals(302, page.statusCode(), path);
            assertTrue(location(page).endsWith(ENROLMENT), path + " -> " + location(page));
        }
        for (String path : List.of("admin/%2e%2e/account/two-factor", "account/%2e%2e/admin/", "admin/..;/admin/")) {
            HttpResponse<String> page = admin.get(path);
            assertNotEquals(200, page.statusCode(), path);
            assertFalse(page.body().contains("gh-row-link"), path);
        }
        // a crafted bulk delete of the list, posted as if the page had been shown
        Map<String, String> delete = ProductRows.bulkDelete(List.of(product + ".0"), null);
        HttpResponse<String> crafted = admin.postAjax("admin/products", "stateless", delete);
        assertTrue(
                crafted.statusCode() == 302 || crafted.body().contains(ENROLMENT),
                crafted.statusCode() + crafted.body());
        assertEquals(1, count("select count(*) from products where id = " + product), "nothing deleted");

        Factor factor = enrol(admin);
        assertEquals(200, admin.get("admin/").statusCode(), "enrolled: the session gets its roles");
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'MFA_ENROLLED' and actor = '"
                        + FactorUsers.REQUIRED_ADMIN + "'"));

        HttpSession next = new HttpSession(base());
        HttpResponse<String> password = passwordStep(next, FactorUsers.REQUIRED_ADMIN, FactorUsers.PASSWORD);
        assertTrue(location(password).endsWith("/verify"), "the password alone is not enough: " + location(password));
        assertEquals(302, next.get("admin/").statusCode(), "no role before the code");
        assertTrue(location(next.get("admin/")).endsWith("/login"));
        HttpResponse<String> wrong =
                codeStep(next, "000000".equals(codeAt(factor.key(), currentStep())) ? "111111" : "000000");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("That code is not right"), wrong.body());
        String code = factor.nextCode();
        HttpResponse<String> right = codeStep(next, code);
        assertEquals(302, right.statusCode(), right.body());
        assertTrue(location(right).endsWith("/admin/"), location(right));
        assertEquals(200, next.get("admin/orders").statusCode());

        // the same code again, in another sign-in within its window: refused and recorded
        HttpSession replay = new HttpSession(base());
        assertTrue(location(passwordStep(replay, FactorUsers.REQUIRED_ADMIN, FactorUsers.PASSWORD))
                .endsWith("/verify"));
        HttpResponse<String> replayed = codeStep(replay, code);
        assertEquals(200, replayed.statusCode());
        assertTrue(replayed.body().contains("That code is not right"), "the answer does not say why");
        assertEquals(302, replay.get("admin/").statusCode());
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'MFA_REPLAY' and actor = '"
                        + FactorUsers.REQUIRED_ADMIN + "'"));
        assertEquals(
                0,
                count("select count(*) from audit_log where changes like '%" + factor.key() + "%'"),
                "the key is never in the audit log");
        assertEquals(
                0,
                count("select count(*) from users where totp_secret like '%" + factor.key() + "%'"),
                "the key is stored encrypted");
    }

    @Test
    void oneCodeSentByTwoSignInsAtOnceSignsInOnlyOne() throws Exception {
        Factor factor = enrol(HttpSession.signedIn(base(), FactorUsers.RACER, FactorUsers.PASSWORD));
        List<HttpSession> racers = new ArrayList<>();
        List<String> viewStates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpSession racer = new HttpSession(base());
            assertTrue(location(passwordStep(racer, FactorUsers.RACER, FactorUsers.PASSWORD))
                    .endsWith("/verify"));
            racers.add(racer);
            viewStates.add(HttpSession.viewState(racer.get("verify").body()));
        }
        String code = factor.nextCode();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers.size());
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < racers.size(); i++) {
                HttpSession racer = racers.get(i);
                String viewState = viewStates.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return racer.post(
                            "verify", viewState, Map.of("verify", "verify", "verify:code", code, "verify:submit", ""));
                }));
            }
            start.countDown();
            int signedIn = 0;
            for (var answer : answers) {
                signedIn += answer.get().statusCode() == 302 ? 1 : 0;
            }
            assertEquals(1, signedIn, "a code is accepted once, however the requests race");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                racers.size() - 1,
                count("select count(*) from audit_log where action = 'MFA_REPLAY' and actor = '" + FactorUsers.RACER
                        + "'"),
                "every other use is a recorded replay");
    }

    @Test
    void wrongCodesCountTowardTheSameLockoutAsWrongPasswords() throws Exception {
        HttpSession user = HttpSession.signedIn(base(), FactorUsers.LOCKABLE, FactorUsers.PASSWORD);
        Factor factor = enrol(user);
        HttpSession attacker = new HttpSession(base());
        assertTrue(location(passwordStep(attacker, FactorUsers.LOCKABLE, FactorUsers.PASSWORD))
                .endsWith("/verify"));
        String right = factor.nextCode();
        int guesses = 0;
        for (String guess : List.of("000001", "000002", "000003", "000004", "000005")) {
            if (!guess.equals(right)) {
                assertEquals(200, codeStep(attacker, guess).statusCode());
                guesses++;
            }
        }
        assertTrue(guesses >= 4);
        assertEquals(
                1,
                count("select count(*) from users where email = '" + FactorUsers.LOCKABLE
                        + "' and locked_until is not null"),
                "five wrong codes lock the account");
        HttpResponse<String> late = codeStep(attacker, right);
        assertEquals(200, late.statusCode(), "the right code is refused while locked");
        assertTrue(late.body().contains("That code is not right"), "with the same words as a wrong one");
        HttpResponse<String> password =
                passwordStep(new HttpSession(base()), FactorUsers.LOCKABLE, FactorUsers.PASSWORD);
        assertEquals(200, password.statusCode(), "and so is the right password");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndSaysHowManyAreLeft() throws Exception {
        HttpSession user = HttpSession.signedIn(base(), FactorUsers.RECOVERING, FactorUsers.PASSWORD);
        Factor factor = enrol(user);
        String recovery = factor.recoveryCodes().get(3);

        HttpSession lostPhone = new HttpSession(base());
        assertTrue(location(passwordStep(lostPhone, FactorUsers.RECOVERING, FactorUsers.PASSWORD))
                .endsWith("/verify"));
        HttpResponse<String> used = codeStep(lostPhone, " " + recovery.toUpperCase() + " ");
        assertEquals(302, used.statusCode(), used.body());
        assertTrue(location(used).contains(ENROLMENT + "?recoveryCodesLeft=9"), location(used));
        HttpResponse<String> page =
                lostPhone.get(location(used).substring(location(used).indexOf("account/")));
        assertTrue(
                page.body().contains("9 recovery\n")
                        || page.body().replaceAll("\\s+", " ").contains("9 recovery codes are left"),
                page.body());
        assertEquals(200, lostPhone.get("admin/").statusCode());
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'RECOVERY_CODE_USED' and actor = '"
                        + FactorUsers.RECOVERING + "'"));

        HttpSession again = new HttpSession(base());
        assertTrue(location(passwordStep(again, FactorUsers.RECOVERING, FactorUsers.PASSWORD))
                .endsWith("/verify"));
        HttpResponse<String> reused = codeStep(again, recovery);
        assertEquals(200, reused.statusCode(), "a recovery code works once");
        assertEquals(
                302,
                codeStep(again, factor.recoveryCodes().get(4).replace("-", "")).statusCode(),
                "another one still works");
    }

    @Test
    void aBulkDeleteWithAStaleSignInIsRefusedByTheServiceUntilThePasswordIsConfirmed() throws Exception {
        HttpSession enrolling = HttpSession.signedIn(base(), FactorUsers.STEP_UP_ADMIN, FactorUsers.PASSWORD);
        Factor factor = enrol(enrolling);
        HttpSession admin = signedInWithCode(FactorUsers.STEP_UP_ADMIN, factor);
        List<Long> ids = ProductRows.insert(DATABASE, 810_000, "STEPUP-", 3);
        List<String> keys =
                ProductRows.rowKeys(admin.get("admin/products?q=STEPUP-").body());
        assertEquals(3, keys.size());
        Thread.sleep(7_000); // longer than GATEHOUSE_STEP_UP_MINUTES=0.1

        HttpResponse<String> refused = admin.postAjax(
                "admin/products?q=STEPUP-", "stateless", ProductRows.bulkDelete(keys.subList(0, 2), null));
        assertEquals(200, refused.statusCode());
        assertTrue(
                refused.body().contains("Gatehouse.stepUp('list:confirmDeleteSelected')"),
                "the page asks for the password and will repeat the click: " + refused.body());
        assertEquals(3, ProductRows.existing(DATABASE, ids), "nothing deleted on a stale sign-in");

        HttpResponse<String> badPassword = admin.postAjax(
                "admin/products?q=STEPUP-", "stateless", confirmOf("not-my-password", factor.nextCode()));
        assertFalse(confirmed(badPassword), badPassword.body());
        assertTrue(badPassword.body().contains("The password or code is not right"), badPassword.body());
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'STEP_UP_FAILED' and actor = '"
                        + FactorUsers.STEP_UP_ADMIN + "'"));
        assertEquals(3, ProductRows.existing(DATABASE, ids));

        HttpResponse<String> confirmed = admin.postAjax(
                "admin/products?q=STEPUP-", "stateless", confirmOf(FactorUsers.PASSWORD, factor.nextCode()));
        assertTrue(confirmed(confirmed), confirmed.body());
        HttpResponse<String> deleted = admin.postAjax(
                "admin/products?q=STEPUP-", "stateless", ProductRows.bulkDelete(keys.subList(0, 2), null));
        assertTrue(deleted.body().contains("Deleted 2 products"), deleted.body());
        assertEquals(1, ProductRows.existing(DATABASE, ids));

        // more than a page of CSV: the same rule, with a page to confirm on and the way back to the export
        Thread.sleep(7_000);
        HttpResponse<String> export = admin.get("admin/orders/export.csv?sort=id");
        assertEquals(302, export.statusCode());
        assertTrue(
                location(export).contains("/account/confirm?continue=%2Fgatehouse%2Fadmin%2Forders%2Fexport.csv"),
                location(export));
        HttpResponse<String> small = admin.get("admin/products/export.csv?q=STEPUP-");
        assertEquals(200, small.statusCode(), "a page's worth needs no confirmation");
        HttpResponse<String> confirmPage =
                admin.get(location(export).substring(location(export).indexOf("account/")));
        assertEquals(200, confirmPage.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("confirm", "confirm");
        form.put("continue", "/gatehouse/admin/orders/export.csv?sort=id\r\nSet-Cookie: x=1");
        form.put("confirm:password", FactorUsers.PASSWORD);
        form.put("confirm:code", factor.nextCode());
        form.put("confirm:submit", "");
        HttpResponse<String> crafted = admin.post("account/confirm", HttpSession.viewState(confirmPage.body()), form);
        assertEquals(302, crafted.statusCode(), "a crafted continue address is not followed: " + crafted.body());
        assertTrue(location(crafted).endsWith("/gatehouse/admin/"), location(crafted));
        assertTrue(crafted.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("x=")));
        confirmPage = admin.get(location(export).substring(location(export).indexOf("account/")));
        form.put("continue", "/gatehouse/admin/orders/export.csv?sort=id");
        form.put("confirm:password", FactorUsers.PASSWORD);
        form.put("confirm:code", factor.nextCode());
        form.put("confirm:submit", "");
        HttpResponse<String> back = admin.post("account/confirm", HttpSession.viewState(confirmPage.body()), form);
        assertEquals(302, back.statusCode(), back.body());
        assertTrue(location(back).endsWith("/gatehouse/admin/orders/export.csv?sort=id"), location(back));
        HttpResponse<String> csv = admin.get("admin/orders/export.csv?sort=id");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().lines().count() > 300, "the whole export");
    }

    @Test
    void endingASessionFromTheAccountPageSendsItsNextRequestToSignIn() throws Exception {
        HttpSession here = HttpSession.signedIn(base(), FactorUsers.TRAVELLER, FactorUsers.PASSWORD);
        HttpSession forgotten = HttpSession.signedIn(base(), FactorUsers.TRAVELLER, FactorUsers.PASSWORD);
        HttpSession other = HttpSession.signedIn(base(), FactorUsers.TRAVELLER, FactorUsers.PASSWORD);
        assertEquals(200, forgotten.get("admin/").statusCode());
        HttpResponse<String> page = here.get("account/sessions");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("This session"));
        Matcher end = Pattern.compile("id=\"(sessions:[^\"]*:end)\"").matcher(page.body());
        Matcher session = Pattern.compile("name:\"session\",value:\"([0-9a-f\\\\-]{36,44})\"")
                .matcher(page.body());
        List<String> buttons = new ArrayList<>();
        List<String> sessionIds = new ArrayList<>();
        while (end.find()) {
            buttons.add(end.group(1));
        }
        while (session.find()) {
            sessionIds.add(session.group(1).replace("\\", ""));
        }
        assertEquals(2, buttons.size(), "an End button for each other session: " + page.body());
        assertEquals(2, sessionIds.size(), page.body());
        // end the first listed one (the newest: the other session); then all the rest
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessions", "sessions");
        form.put(buttons.get(0), "");
        form.put("session", sessionIds.get(0));
        form.put("jakarta.faces.source", buttons.get(0));
        form.put("jakarta.faces.partial.execute", buttons.get(0));
        form.put("jakarta.faces.partial.render", "sessions toasts");
        HttpResponse<String> ended = here.postAjax("account/sessions", HttpSession.viewState(page.body()), form);
        assertTrue(ended.body().contains("The session was ended."), ended.body());
        HttpResponse<String> next = other.get("admin/");
        assertEquals(302, next.statusCode(), "the ended session is signed out");
        assertTrue(location(next).endsWith("/login"));
        assertEquals(200, forgotten.get("admin/").statusCode(), "the others go on");
        assertEquals(200, here.get("admin/").statusCode());

        // crafted session parameters: unknown, malformed, NUL, the current session's own: nothing ends, no error
        for (String crafted : List.of("00000000-0000-0000-0000-000000000000", "x\u0000", "' or 1=1 --", "")) {
            HttpResponse<String> form2 = here.get("account/sessions");
            Map<String, String> post = new LinkedHashMap<>(form);
            post.put("session", crafted);
            HttpResponse<String> answer = here.postAjax("account/sessions", HttpSession.viewState(form2.body()), post);
            assertEquals(200, answer.statusCode(), crafted);
            assertTrue(answer.body().contains("That session had already ended."), crafted + ": " + answer.body());
        }
        assertEquals(200, forgotten.get("admin/").statusCode(), "nothing else ended");

        HttpResponse<String> again = here.get("account/sessions");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("sessions", "sessions");
        all.put("sessions:endOthers", "");
        all.put("jakarta.faces.source", "sessions:endOthers");
        all.put("jakarta.faces.partial.execute", "sessions:endOthers");
        all.put("jakarta.faces.partial.render", "sessions toasts");
        HttpResponse<String> endedAll = here.postAjax("account/sessions", HttpSession.viewState(again.body()), all);
        assertTrue(endedAll.body().contains("Ended 1 other session."), endedAll.body());
        assertEquals(302, forgotten.get("admin/").statusCode());
        assertEquals(200, here.get("admin/").statusCode(), "the current session goes on");
        assertTrue(count("select count(*) from audit_log where action = 'SESSIONS_ENDED' and actor = '"
                        + FactorUsers.TRAVELLER + "'")
                >= 2);
    }

    @Test
    void anAdministratorResetsALostFactorAndEndsThatUsersSessions() throws Exception {
        HttpSession user = HttpSession.signedIn(base(), FactorUsers.PHONE_LOST, FactorUsers.PASSWORD);
        enrol(user);
        assertEquals(200, user.get("admin/").statusCode());
        HttpSession enrolling = HttpSession.signedIn(base(), FactorUsers.RESET_ADMIN, FactorUsers.PASSWORD);
        Factor adminFactor = enrol(enrolling);
        HttpSession admin = signedInWithCode(FactorUsers.RESET_ADMIN, adminFactor);
        long id = count("select id from users where email = '" + FactorUsers.PHONE_LOST + "'");
        HttpResponse<String> details = admin.get("admin/users/" + id);
        assertTrue(details.body().contains("Two-factor sign-in is on."), "the Security tab shows the factor");
        assertTrue(details.body().contains("id=\"userSessions\""), "and the user's sessions");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("details", "details");
        form.put("details:tabs:resetFactor", "");
        form.put("jakarta.faces.source", "details:tabs:resetFactor");
        form.put("jakarta.faces.partial.execute", "details:tabs:resetFactor");
        form.put("jakarta.faces.partial.render", "details:tabs:security toasts"); // the notice is a toast
        HttpResponse<String> reset = admin.postAjax("admin/users/" + id, "stateless", form);
        assertTrue(reset.body().contains("The second factor was removed"), reset.body());
        assertEquals(0, count("select count(*) from users where id = " + id + " and totp_secret is not null"));
        assertEquals(302, user.get("admin/").statusCode(), "the user's session ended");
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'MFA_RESET' and actor = '"
                        + FactorUsers.RESET_ADMIN + "'"));
        HttpResponse<String> back = passwordStep(new HttpSession(base()), FactorUsers.PHONE_LOST, FactorUsers.PASSWORD);
        assertTrue(location(back).endsWith("/admin/"), "the password alone signs in again: " + location(back));
    }

    @Test
    void inTheBrowserTheConfirmationDialogRepeatsTheBulkDeleteWithTheSameSelection() throws Exception {
        Factor factor = enrol(HttpSession.signedIn(base(), FactorUsers.BROWSER_ADMIN, FactorUsers.PASSWORD));
        List<Long> ids = ProductRows.insert(DATABASE, 820_000, "DIALOG-", 3);
        try (Browser browser = new Browser(base())) {
            browser.signIn(FactorUsers.BROWSER_ADMIN, FactorUsers.PASSWORD);
            browser.wait(10).until(d -> browser.path().endsWith("/verify"));
            browser.type("#verify\\:code", factor.nextCode());
            browser.click("#verify\\:submit");
            browser.wait(10).until(d -> browser.path().endsWith("/admin/"));
            browser.open("admin/products?q=DIALOG-&sort=sku");
            for (int row = 0; row < 2; row++) {
                int index = row;
                browser.driver()
                        .findElements(By.cssSelector("#list\\:table_data tr"))
                        .get(row)
                        .findElement(By.cssSelector("td .ui-chkbox-box"))
                        .click();
                browser.wait(5)
                        .until(d -> "true"
                                .equals(d.findElements(By.cssSelector("#list\\:table_data tr"))
                                        .get(index)
                                        .getAttribute("aria-selected")));
            }
            Thread.sleep(7_000); // the sign-in is no longer recent (GATEHOUSE_STEP_UP_MINUTES=0.1)
            browser.click("#list\\:deleteSelected");
            browser.wait(10)
                    .until(d -> d.findElement(By.id("list:deleteDialog")).isDisplayed());
            browser.click("#list\\:confirmDeleteSelected");
            browser.wait(10)
                    .until(d -> d.findElement(By.id("stepUpForm:stepUpDialog")).isDisplayed());
            assertEquals(3, ProductRows.existing(DATABASE, ids), "refused by the service until confirmed");
            browser.type("#stepUpForm\\:stepUpPassword", FactorUsers.PASSWORD);
            browser.type("#stepUpForm\\:stepUpCode", factor.nextCode());
            browser.click("#stepUpForm\\:stepUpConfirm");
            browser.textContaining(".ui-growl", "Deleted 2 products"); // done-notices are toasts
            assertEquals(1, ProductRows.existing(DATABASE, ids), "the two selected rows, and only they, are gone");
            assertEquals(1, count("select count(*) from products where sku = 'DIALOG-820002'"));
            assertTrue(
                    browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }

    /** Whether the dialog's answer tells the page to repeat the action (PrimeFaces escapes the JSON of its args). */
    private static boolean confirmed(HttpResponse<String> response) {
        return response.body().replace("&#34;", "\"").contains("\"confirmed\":true");
    }

    /** The "Confirm it is you" dialog's post, as PrimeFaces sends it from any admin page. */
    private static Map<String, String> confirmOf(String password, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("stepUpForm", "stepUpForm");
        form.put("stepUpForm:stepUpPassword", password);
        form.put("stepUpForm:stepUpCode", code);
        form.put("stepUpForm:stepUpConfirm", "");
        form.put("jakarta.faces.source", "stepUpForm:stepUpConfirm");
        form.put("jakarta.faces.partial.execute", "stepUpForm");
        form.put("jakarta.faces.partial.render", "stepUpForm:stepUpMessages");
        return form;
    }

    private static long count(String sql) throws Exception {
        return ProductRows.count(DATABASE, sql);
    }
}
