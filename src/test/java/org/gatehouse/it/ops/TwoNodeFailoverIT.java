package org.gatehouse.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.PayaraProcess;
import org.gatehouse.it.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes on loopback form one Hazelcast cluster (explicit TCP members, no
 * multicast) and share web sessions: a user signs in on node A, goes on with the same cookie on
 * node B, node A is killed, and the user keeps working on B, roles included, without signing in
 * again. No load balancer and no stickiness: the browser itself switches nodes.
 */
class TwoNodeFailoverIT {

    @Test
    void aSessionStartedOnOneNodeCarriesOnWhenThatNodeDies() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "two-nodes-");
        TestDatabase database = TestDatabase.create();
        Map<String, String> environment = Map.of(
                "GATEHOUSE_DB_URL",
                database.url(),
                "GATEHOUSE_DB_USER",
                database.user(),
                "GATEHOUSE_ADMIN_EMAIL",
                Deployments.ADMIN_EMAIL,
                "GATEHOUSE_ADMIN_PASSWORD",
                Deployments.ADMIN_PASSWORD);
        int gridA = PayaraProcess.freePort();
        int gridB = PayaraProcess.freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        String cluster = "gatehouse-it-" + UUID.randomUUID().toString().substring(0, 8);

        // one after the other: the second node finds the schema already migrated by the first
        PayaraProcess nodeA = node(work.resolve("node-a.log"), environment, "node-a", members, gridA, cluster);
        try (PayaraProcess nodeB = node(work.resolve("node-b.log"), environment, "node-b", members, gridB, cluster)) {
            awaitClusterOfTwo(nodeA, nodeB);
            try (Browser browser = new Browser(nodeA.baseUrl())) {
                browser.open("admin/orders");
                browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
                assertTrue(browser.url().startsWith(nodeA.baseUrl() + "admin/orders"), browser.url());
                String cookie = browser.sessionCookie();

                browser.driver().get(nodeB.baseUrl() + "admin/customers");
                assertTrue(
                        browser.url().startsWith(nodeB.baseUrl() + "admin/customers"),
                        "signed in on B: " + browser.url());
                assertEquals("Customers", browser.text("#page-title"));
                assertEquals(Deployments.ADMIN_EMAIL, browser.text("#signed-in-user"));

                nodeA.kill();

                browser.driver().get(nodeB.baseUrl() + "admin/customers/new");
                browser.type("#field-name input", "Failover Customer");
                browser.type("#field-email input", "failover@example.com");
                browser.click("#form\\:save");
                browser.wait(15).until(d -> d.getCurrentUrl().matches(".*/admin/customers/\\d+$"));
                assertTrue(browser.driver().getPageSource().contains("Created customer"), "saved on B after A died");

                browser.driver().get(nodeB.baseUrl() + "admin/users");
                assertEquals("Users", browser.text("#page-title"), "the admin role came along with the session");
                assertEquals(cookie, browser.sessionCookie(), "the same session all along");
            }
            assertFalse(
                    nodeA.output().contains("Cannot serialize")
                            || nodeB.output().contains("Cannot serialize"),
                    "every session attribute replicates");
        } finally {
            nodeA.close();
        }
    }

    private static PayaraProcess node(
            Path log, Map<String, String> environment, String name, String members, int gridPort, String cluster) {
        try {
            return PayaraProcess.start(
                    log,
                    environment,
                    List.of(
                            "--clustermode",
                            members,
                            "--startport",
                            Integer.toString(gridPort),
                            "--interfaces",
                            "127.0.0.1",
                            "--clustername",
                            cluster,
                            "--name",
                            name));
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start", e);
        }
    }

    private static void awaitClusterOfTwo(PayaraProcess a, PayaraProcess b) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!(a.output().contains("Data Grid Instance Added") || b.output().contains("Data Grid Instance Added"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the two nodes did not form a cluster; see their logs");
            }
            Thread.sleep(250);
        }
    }
}
