package org.gatehouse.it;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment builder of the integration tests: the very WAR that {@code mvn package}
 * built, pointed at a fresh PostgreSQL database through its MicroProfile Config file.
 */
public final class Deployments {

    public static final String ADMIN_EMAIL = "root@gatehouse.test";
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple-42";

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private Deployments() {}

    /**
     * The application root for a URL that Arquillian injects: Payara reports its host address,
     * which may not be reachable from the browser; loopback always is.
     */
    public static String localBase(java.net.URL injected) {
        String path = injected.getPath();
        if (path.isEmpty() || path.equals("/")) {
            // Payara Micro deploys the archive under its own name and reports the bare host
            path = "/gatehouse/";
        }
        return "http://localhost:" + injected.getPort() + (path.endsWith("/") ? path : path + "/");
    }

    /**
     * Adds what in-container tests need to call the services as a given role: the {@code As*}
     * beans and the descriptors that map their run-as principals to roles.
     */
    public static WebArchive inContainer(WebArchive war) {
        war.addClasses(
                org.gatehouse.it.fixtures.AsAdmin.class,
                org.gatehouse.it.fixtures.AsAdmin.ThrowingRunnable.class,
                org.gatehouse.it.fixtures.AsEditor.class,
                org.gatehouse.it.fixtures.AsViewer.class,
                org.gatehouse.it.fixtures.RunAsAccounts.class,
                org.gatehouse.it.fixtures.RecentSignIn.class,
                Deployments.class,
                TestDatabase.class,
                HttpSession.class);
        war.delete("WEB-INF/payara-web.xml");
        return war.addAsWebInfResource("it/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsWebInfResource("it/payara-web.xml", "payara-web.xml");
    }

    public static WebArchive war(TestDatabase database) {
        return war(database, Map.of());
    }

    public static WebArchive war(TestDatabase database, Map<String, String> extraConfig) {
        File built = new File(System.getProperty("gatehouse.war", "target/gatehouse.war"));
        if (!built.isFile()) {
            throw new IllegalStateException(built + " is missing: run the tests with 'mvn verify'");
        }
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "gatehouse.war")
                .importFrom(built)
                .as(WebArchive.class);
        Map<String, String> config = new TreeMap<>();
        config.put("config_ordinal", "500");
        config.put("GATEHOUSE_DB_URL", database.url());
        config.put("GATEHOUSE_DB_USER", database.user());
        config.put("GATEHOUSE_ADMIN_EMAIL", ADMIN_EMAIL);
        config.put("GATEHOUSE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        config.putAll(extraConfig);
        StringBuilder properties = new StringBuilder();
        config.forEach(
                (key, value) -> properties.append(key).append('=').append(value).append('\n'));
        war.delete(CONFIG);
        war.add(new StringAsset(properties.toString()), CONFIG);
        return war;
    }
}
