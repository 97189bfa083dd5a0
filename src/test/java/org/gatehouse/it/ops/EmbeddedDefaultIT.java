package org.gatehouse.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Browser;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.PayaraProcess;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup path: the WAR with no Gatehouse configuration at all runs on the embedded
 * database in {@code ~/.gatehouse}, prints the generated first-admin password once, and keeps
 * its data across a restart. The home directory is pointed into {@code target/} so the test
 * never touches the real one.
 */
class EmbeddedDefaultIT {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    private static java.net.http.HttpResponse<String> get(PayaraProcess payara, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + payara.port() + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsWithNoConfigurationAndKeepsItsDataAcrossRestarts() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "embedded-");
        Path home = Files.createDirectories(work.resolve("home"));
        String userHome = "-Duser.home=" + home.toAbsolutePath();

        String password;
        try (PayaraProcess payara = PayaraProcess.start(work.resolve("first.log"), Map.of(), userHome)) {
            Matcher matcher = PASSWORD.matcher(payara.output());
            assertTrue(matcher.find(), "the generated first-admin password is printed in the log");
            password = matcher.group(1);
            assertTrue(payara.output().contains("admin@gatehouse.local"));
            assertTrue(Files.isDirectory(home.resolve(".gatehouse")), "embedded database lives in ~/.gatehouse");

            try (Browser browser = new Browser(payara.baseUrl())) {
                browser.open("");
                assertTrue(browser.path().startsWith("/login"), browser.url());
                assertEquals("Sign in to Gatehouse", browser.text(".ui-card-title"));
                browser.signIn("admin@gatehouse.local", password);
                assertTrue(browser.path().startsWith("/admin/"), browser.url());
                assertTrue(browser.has("#card-users"));
            }
        }

        try (PayaraProcess payara = PayaraProcess.start(work.resolve("second.log"), Map.of(), userHome)) {
            assertFalse(PASSWORD.matcher(payara.output()).find(), "no second admin after a restart");
            assertEquals(200, get(payara, "/health/ready").statusCode());
            assertEquals(
                    200,
                    get(payara, "/metrics?scope=application").statusCode(),
                    "application metrics exist before the first event");

            // a second server on the same embedded database refuses to start, and says why
            try (PayaraProcess second = PayaraProcess.start(work.resolve("locked.log"), Map.of(), userHome)) {
                assertEquals(
                        503, get(second, "/health/ready").statusCode(), "never ready on a database it cannot open");
                assertTrue(second.output().contains("is in use by another process"), "a log line that says why");
            }

            try (Browser browser = new Browser(payara.baseUrl())) {
                browser.open("admin/users");
                browser.signIn("admin@gatehouse.local", password);
                assertTrue(browser.path().startsWith("/admin/users"), browser.url());
                assertTrue(browser.text("#list\\:table_data").contains("admin@gatehouse.local"));
            }

            // the default per-client limit on anonymous form posts: 30 at once, then 429 with Retry-After
            HttpSession anonymous = new HttpSession(payara.baseUrl());
            String viewState = HttpSession.viewState(anonymous.get("login").body());
            java.net.http.HttpResponse<String> limited = null;
            // empty fields: refused by validation at once (no hash), but every post counts
            for (int i = 0; i < 300 && limited == null; i++) {
                var response = anonymous.post(
                        "login",
                        viewState,
                        Map.of("login", "login", "login:email", "", "login:password", "", "login:submit", ""));
                if (response.statusCode() == 429) {
                    limited = response;
                }
            }
            assertTrue(limited != null, "anonymous posts are rate limited per client");
            assertTrue(
                    Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) > 0);
            assertTrue(limited.body().contains("Too many attempts"));
        }
    }
}
