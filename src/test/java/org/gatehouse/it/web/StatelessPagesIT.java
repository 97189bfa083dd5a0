package org.gatehouse.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.ProductRows;
import org.gatehouse.it.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Home, list and details pages keep nothing in the session (which a replicated deployment reads
 * and writes whole on every request), and their postbacks run only with the session's page
 * token: missing, forged or another session's token is a 400 with nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatelessPagesIT {

    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final Pattern BYTES = Pattern.compile("^\\{\"bytes\":(\\d+)");

    @ArquillianResource
    private URL injected;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // editors may edit orders but, here, not read customers: the order form's customer picker has nothing to list
        return Deployments.war(
                        DATABASE, Map.of("GATEHOUSE_DEMO_ROWS", "300", "GATEHOUSE_PERMISSIONS_CUSTOMERS_VIEW", "admin"))
                .addClass(org.gatehouse.it.fixtures.TestUsers.class);
    }

    private HttpSession admin() throws Exception {
        return HttpSession.signedIn(
                Deployments.localBase(injected), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
    }

    private static int sessionBytes(HttpSession session) throws Exception {
        HttpResponse<String> size = session.get("account/session-size");
        assertEquals(200, size.statusCode());
        Matcher bytes = BYTES.matcher(size.body());
        assertTrue(bytes.find(), size.body());
        return Integer.parseInt(bytes.group(1));
    }

    @Test
    void browsingListsAndDetailsLeavesTheSessionAsSmallAsAtSignIn() throws Exception {
        HttpSession admin = admin();
        // the first page after sign-in gives the session what Faces keeps for every session (its flash)
        assertEquals(200, admin.get("admin/").statusCode());
        int signedIn = sessionBytes(admin);
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= 18; page++) {
            pages.add("admin/orders?page=" + page);
            pages.add("admin/customers?page=" + page + "&sort=-createdAt");
        }
        for (String view : List.of("products", "users", "roles", "audit")) {
            pages.add("admin/" + view);
        }
        for (String query : List.of(
                "status=PAID",
                "status=SHIPPED&sort=-total",
                "q=a",
                "total.from=10&total.to=500",
                "createdAt.from=2020-01-01",
                "size=50",
                "size=100&page=2",
                "sort=reference",
                "q=zzz-nothing",
                "page=3")) {
            pages.add("admin/orders?" + query);
        }
        for (int id = 1; id <= 10; id++) {
            pages.add("admin/orders/" + id);
        }
        pages.add("admin/");
        assertEquals(61, pages.size());
        for (String page : pages) {
            assertEquals(200, admin.get(page).statusCode(), page);
        }
        int browsed = sessionBytes(admin);
        System.out.printf(
                "Session size: %d bytes after sign-in and the first page, %d bytes after 50 list pages,"
                        + " 10 details pages and the home page%n",
                signedIn, browsed);
        assertEquals(signedIn, browsed, "stateless pages add nothing to the session");
        assertTrue(browsed <= 16 * 1024, "a signed-in session stays small: " + browsed + " bytes");
    }

    @Test
    void aBulkDeleteRunsOnlyWithTheSessionsOwnPageToken() throws Exception {
        List<Long> ids = ProductRows.insert(DATABASE, 800_000, "STATELESS-", 3);
        HttpSession admin = admin();
        HttpSession other = admin();
        String page = admin.get("admin/products?q=STATELESS-").body();
        List<String> keys = ProductRows.rowKeys(page);
        assertEquals(3, keys.size(), "the three disposable products are listed");
        String otherToken = token(other.get("admin/products").body());

        for (String forged : new String[] {"", "x", otherToken, token(page) + "x"}) {
            HttpResponse<String> refused = admin.postAjax(
                    "admin/products?q=STATELESS-", "stateless", ProductRows.bulkDelete(keys.subList(0, 2), forged));
            assertEquals(400, refused.statusCode(), "token '" + forged + "'");
        }
        assertEquals(3, ProductRows.existing(DATABASE, ids), "nothing deleted without the session's own token");

        String stale = keys.get(0).substring(0, keys.get(0).indexOf('.')) + ".999";
        HttpResponse<String> conflict = admin.postAjax(
                "admin/products?q=STATELESS-", "stateless", ProductRows.bulkDelete(List.of(stale), null));
        assertEquals(200, conflict.statusCode());
        assertTrue(conflict.body().contains("Nothing was deleted"), conflict.body());
        assertEquals(
                3,
                ProductRows.existing(DATABASE, ids),
                "a row shown at another version is a conflict, not a silent delete");

        HttpResponse<String> deleted = admin.postAjax(
                "admin/products?q=STATELESS-", "stateless", ProductRows.bulkDelete(keys.subList(0, 2), null));
        assertEquals(200, deleted.statusCode());
        assertTrue(deleted.body().contains("Deleted 2 products"), deleted.body());
        assertEquals(1, ProductRows.existing(DATABASE, ids));
    }

    @Test
    void aRelationToAViewTheEditorMayNotReadIsShownNotPicked() throws Exception {
        HttpSession editor = HttpSession.signedIn(
                Deployments.localBase(injected),
                org.gatehouse.it.fixtures.TestUsers.EDITOR,
                org.gatehouse.it.fixtures.TestUsers.PASSWORD);
        assertEquals(403, editor.get("admin/customers").statusCode(), "the configuration applies");
        HttpResponse<String> form = editor.get("admin/orders/5/edit");
        assertEquals(200, form.statusCode());
        String customerField = form.body().substring(form.body().indexOf("id=\"field-customer\""));
        customerField = customerField.substring(0, customerField.indexOf("gh-field-message"));
        assertTrue(customerField.contains("gh-readonly"), "the customer is shown as text: " + customerField);
        assertTrue(!customerField.contains("autocomplete"), "no picker: " + customerField);
        assertTrue(form.body().contains("id=\"field-status\""), "the rest of the form is there");
    }

    private static String token(String html) {
        Matcher token =
                Pattern.compile("name=\"gatehouse.token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(token.find(), "a stateless page's form carries the page token");
        return token.group(1);
    }
}
