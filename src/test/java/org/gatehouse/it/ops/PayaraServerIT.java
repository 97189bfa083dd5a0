package org.gatehouse.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The drop-in promise: the very WAR {@code mvn package} built, deployed with {@code asadmin
 * deploy} onto a stock Payara Server 6 (taken from Maven Central by the build), configured the
 * way README's "Deploying on Payara Server" says, then used in a real browser.
 */
class PayaraServerIT {

    private static final Path SERVER =
            Path.of(System.getProperty("payara.server.home", "target/payara-server/payara6"));
    private static final String DOMAIN = "gatehouse";

    @Test
    void theBuiltWarDropsOntoPayaraServer() throws Exception {
        Path asadmin = SERVER.resolve("bin/asadmin");
        assertTrue(
                Files.isExecutable(asadmin),
                "Payara Server is unpacked by the build into " + SERVER
                        + " (maven-dependency-plugin, pre-integration-test); run the tests with mvn verify");
        Path domains = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "payara-domains-");
        int base = freePortBase();
        String adminPort = Integer.toString(base + 48);
        int httpPort = base + 80;
        TestDatabase database = TestDatabase.create();
        Path log = domains.resolve("asadmin.log");

        asadmin(
                log,
                asadmin.toString(),
                "create-domain",
                "--nopassword=true",
                "--portbase",
                Integer.toString(base),
                "--domaindir",
                domains.toString(),
                DOMAIN);
        try {
            asadmin(log, asadmin.toString(), "start-domain", "--domaindir", domains.toString(), DOMAIN);
            asadmin(
                    log,
                    asadmin.toString(),
                    "--port",
                    adminPort,
                    "set-config-property",
                    "--source=domain",
                    "--propertyName=GATEHOUSE_DB_URL",
                    "--propertyValue=" + database.url());
            asadmin(
                    log,
                    asadmin.toString(),
                    "--port",
                    adminPort,
                    "set-config-property",
                    "--source=domain",
                    "--propertyName=GATEHOUSE_DB_USER",
                    "--propertyValue=" + database.user());
            asadmin(
                    log,
                    asadmin.toString(),
                    "--port",
                    adminPort,
                    "set-config-property",
                    "--source=domain",
                    "--propertyName=GATEHOUSE_DEMO_ROWS",
                    "--propertyValue=100");
            // a secret comes from a password alias named like the setting, never from domain.xml in clear
            Path aliasFile = domains.resolve("alias.txt");
            Files.writeString(aliasFile, "AS_ADMIN_ALIASPASSWORD=" + Deployments.ADMIN_PASSWORD + "\n");
            try {
                asadmin(
                        log,
                        asadmin.toString(),
                        "--port",
                        adminPort,
                        "--passwordfile",
                        aliasFile.toString(),
                        "create-password-alias",
                        "GATEHOUSE_ADMIN_PASSWORD");
            } finally {
                Files.delete(aliasFile);
            }
            asadmin(
                    log,
                    asadmin.toString(),
                    "--port",
                    adminPort,
                    "set-config-property",
                    "--source=domain",
                    "--propertyName=GATEHOUSE_ADMIN_EMAIL",
                    "--propertyValue=" + Deployments.ADMIN_EMAIL);
            asadmin(
                    log,
                    asadmin.toString(),
                    "--port",
                    adminPort,
                    "deploy",
                    "--contextroot",
                    "/",
                    "--name",
                    "gatehouse",
                    System.getProperty("gatehouse.war", "target/gatehouse.war"));

            String root = "http://localhost:" + httpPort + "/";
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(root + "health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());

            try (Browser browser = new Browser(root)) {
                browser.open("admin/customers");
                assertTrue(browser.path().startsWith("/login"), "sent to the login page: " + browser.url());
                browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
                assertTrue(browser.path().startsWith("/admin/customers"), browser.url());
                assertEquals("Customers", browser.text("#page-title"));
                assertTrue(browser.text("#list\\:table_data").contains("@"), "the demo customers are listed");
            }
            try (var connection = database.connect();
                    var statement = connection.createStatement();
                    var rows = statement.executeQuery("select count(*) from flyway_schema_history where success")) {
                rows.next();
                assertTrue(rows.getInt(1) >= 7, "the schema was migrated in the configured PostgreSQL database");
            }
        } finally {
            asadmin(log, asadmin.toString(), "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }
    }

    private static void asadmin(Path log, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the server inherits asadmin's environment: only the settings given above may configure it
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + command[1] + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", line.subList(1, line.size())) + " failed:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** A port base whose admin (+48) and HTTP (+80) ports are free. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + 100 * ThreadLocalRandom.current().nextInt(200);
            if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 37)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
