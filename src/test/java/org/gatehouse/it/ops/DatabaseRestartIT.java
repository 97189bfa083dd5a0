package org.gatehouse.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.PayaraProcess;
import org.gatehouse.it.PostgresCluster;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts while an admin keeps creating customers through the form. During the
 * outage every request gets the 503 "database unavailable" page and readiness reports DOWN;
 * afterwards the application recovers by itself, and every write that was acknowledged (the
 * redirect to the new record) is in the database with its audit entry. The same run checks the
 * operations side: metrics count what happened, and log lines carry request ids but no secrets.
 */
class DatabaseRestartIT {

    private static final Pattern FIELD =
            Pattern.compile("id=\"field-(\\w+)\".*?name=\"(form:fields:\\d+:\\w+)\"", Pattern.DOTALL);
    private static final Pattern CREATED = Pattern.compile("/admin/customers/(\\d+)$");
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private final HttpClient plain = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedWriteSurvivesADatabaseRestart() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "db-restart-");
        try (PostgresCluster database = PostgresCluster.create();
                PayaraProcess payara = PayaraProcess.start(
                        work.resolve("payara.log"),
                        Map.of(
                                "GATEHOUSE_DB_URL",
                                database.url(),
                                "GATEHOUSE_DB_USER",
                                "postgres",
                                "GATEHOUSE_ADMIN_EMAIL",
                                Deployments.ADMIN_EMAIL,
                                "GATEHOUSE_ADMIN_PASSWORD",
                                Deployments.ADMIN_PASSWORD))) {
            String root = "http://localhost:" + payara.port() + "/";
            HttpSession admin =
                    HttpSession.signedIn(payara.baseUrl(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            assertEquals(200, plain(root + "health/ready").statusCode());
            assertEquals(200, admin.get("admin/customers").statusCode());

            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            int storedCount;
            List<Integer> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger attempts = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    String email = "restart-" + attempts.incrementAndGet() + "@example.com";
                    Long id = null;
                    try {
                        id = createCustomer(admin, email, failures);
                    } catch (Exception e) {
                        failures.add(-1);
                    }
                    if (id != null) {
                        acknowledged.put(id, email);
                    } else {
                        pause(); // refused: no need to hammer the server while the database is down
                    }
                }
            });
            writer.setDaemon(true);
            writer.start();
            try {
                awaitAtLeast(acknowledged, 10);

                database.stop();
                long stoppedAt = System.nanoTime();
                int beforeOutage = acknowledged.size();
                Thread.sleep(3000);
                HttpResponse<String> ready = plain(root + "health/ready");
                assertEquals(503, ready.statusCode(), "not ready while the database is down");
                assertFalse(ready.body().contains("jdbc:") || ready.body().contains("postgres"), ready.body());
                assertEquals(
                        200, plain(root + "health/live").statusCode(), "a database outage is not a liveness failure");
                HttpResponse<String> page = admin.get("admin/customers");
                assertEquals(503, page.statusCode());
                assertTrue(page.body().contains("Database unavailable"), "the friendly page, not a stack trace");
                String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
                assertTrue(page.body().contains(requestId), "the page shows the request id as its reference");
                assertFalse(
                        page.body().contains(".java:") || page.body().contains("Caused by"),
                        () -> "no stack trace on the page: " + page.body());

                database.start();
                long startedAt = System.nanoTime();
                awaitAtLeast(acknowledged, acknowledged.size() + 1);
                long recoveredAt = System.nanoTime();
                awaitAtLeast(acknowledged, acknowledged.size() + 10);
                running.set(false);
                writer.join();

                System.out.printf(
                        "database restart: outage seen by users %.1f s (database down %.1f s),"
                                + " back to a committed write %.2f s after the database was up; %d attempts, %d acknowledged,"
                                + " %d refused during the outage%n",
                        (recoveredAt - stoppedAt) / 1e9,
                        (startedAt - stoppedAt) / 1e9,
                        (recoveredAt - startedAt) / 1e9,
                        attempts.get(),
                        acknowledged.size(),
                        failures.size());
                assertTrue(acknowledged.size() > beforeOutage + 10, "writes resumed after the restart");
                assertTrue(
                        failures.stream().allMatch(status -> status == 503),
                        "every failed write was answered by the 503 page: " + failures);
                assertEquals(200, plain(root + "health/ready").statusCode(), "ready again");

                try (Connection connection = database.connect();
                        Statement statement = connection.createStatement()) {
                    Map<Long, String> stored = new LinkedHashMap<>();
                    try (ResultSet rows =
                            statement.executeQuery("select id, email from customers where email like 'restart-%'")) {
                        while (rows.next()) {
                            stored.put(rows.getLong(1), rows.getString(2));
                        }
                    }
                    acknowledged.forEach(
                            (id, email) -> assertEquals(email, stored.get(id), "acknowledged write #" + id));
                    storedCount = stored.size();
                    try (ResultSet orphans =
                            statement.executeQuery("select count(*) from customers c where c.email like"
                                    + " 'restart-%' and 1 <> (select count(*) from audit_log a where a.entity_type = 'Customer'"
                                    + " and a.entity_id = cast(c.id as varchar) and a.action = 'CREATE')")) {
                        orphans.next();
                        assertEquals(0, orphans.getInt(1), "each stored customer has exactly its one audit entry");
                    }
                }

                String metrics = plain(root + "metrics?scope=application").body();
                assertTrue(
                        metrics.contains("gatehouse_logins_total{mp_scope=\"application\",outcome=\"ok\"} 1.0"),
                        metrics);
                Matcher writes = Pattern.compile(
                                "gatehouse_admin_writes_total\\{action=\"create\",mp_scope=\"application\"\\}"
                                        + " (\\d+)")
                        .matcher(metrics);
                assertTrue(writes.find(), metrics);
                assertEquals(storedCount, Integer.parseInt(writes.group(1)), "one counted write per committed create");
                assertTrue(
                        metrics.contains(
                                "gatehouse_list_query_milliseconds_count{mp_scope=\"application\",view=\"customers\"}"),
                        metrics);
                Matcher median = Pattern.compile(
                                "gatehouse_list_query_milliseconds\\{mp_scope=\"application\",quantile=\"0.5\","
                                        + "view=\"customers\"\\} ([0-9.E]+)|gatehouse_list_query_milliseconds\\{mp_scope=\"application\","
                                        + "view=\"customers\",quantile=\"0.5\"\\} ([0-9.E]+)")
                        .matcher(metrics);
                assertTrue(median.find(), metrics);
                double medianMillis = Double.parseDouble(median.group(1) != null ? median.group(1) : median.group(2));
                assertTrue(
                        medianMillis >= 0 && medianMillis < 60_000,
                        "quantiles in milliseconds, like the sum: " + medianMillis);

                // a password typed into the email field by mistake must not reach the log
                HttpSession mistaken = new HttpSession(payara.baseUrl());
                HttpResponse<String> loginPage = mistaken.get("login");
                mistaken.post(
                        "login",
                        HttpSession.viewState(loginPage.body()),
                        Map.of(
                                "login",
                                "login",
                                "login:email",
                                "my-Secret-passphrase-77",
                                "login:password",
                                "whatever-it-is-1",
                                "login:submit",
                                ""));
                String log = payara.output();
                assertTrue(log.contains("action=LOGIN_FAILURE actor=(not an e-mail address)"), "the failure is logged");
                assertFalse(log.contains("my-Secret-passphrase-77"), "but not what was typed as the email");
                assertTrue(
                        Pattern.compile("audit request=[0-9a-f]{16} action=LOGIN_SUCCESS actor="
                                        + Deployments.ADMIN_EMAIL)
                                .matcher(log)
                                .find(),
                        "a login is one log line with its request id");
                assertTrue(
                        Pattern.compile("audit request=[0-9a-f]{16} action=CREATE actor=" + Deployments.ADMIN_EMAIL
                                        + " ip=\\S+ entity=Customer#\\d+")
                                .matcher(log)
                                .find(),
                        "an admin write is one log line");
                assertTrue(
                        log.contains("request=" + requestId + " database unavailable: GET /gatehouse/admin/customers"),
                        "the refused request is one log line under the id its page showed");
                assertFalse(log.contains(Deployments.ADMIN_PASSWORD), "no password in the log");
                assertFalse(log.contains("PBKDF2WithHmacSHA512:"), "no password hash in the log");
            } finally {
                running.set(false);
                writer.join();
            }
        }
    }

    /** One create through the real form: the new id when the save was acknowledged, else null. */
    private static Long createCustomer(HttpSession admin, String email, List<Integer> failures) throws Exception {
        HttpResponse<String> form = admin.get("admin/customers/new");
        if (form.statusCode() != 200) {
            failures.add(form.statusCode());
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(form.body());
        while (field.find()) {
            names.put(field.group(1), field.group(2));
        }
        Map<String, String> post = new LinkedHashMap<>();
        post.put("form", "form");
        post.put(names.get("name"), "Restart Tester");
        post.put(names.get("email"), email);
        post.put("form:save", "");
        HttpResponse<String> saved = admin.post("admin/customers/new", HttpSession.viewState(form.body()), post);
        String location = saved.headers().firstValue("Location").orElse("");
        Matcher created = CREATED.matcher(location);
        if (saved.statusCode() == 302 && created.find()) {
            return Long.valueOf(created.group(1));
        }
        failures.add(saved.statusCode());
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitAtLeast(Map<Long, String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " of " + count + " writes acknowledged within "
                        + RECOVERY_LIMIT);
            }
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> plain(String url) throws Exception {
        return plain.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
