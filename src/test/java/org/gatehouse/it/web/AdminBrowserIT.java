package org.gatehouse.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gatehouse.demo.DemoData;
import org.gatehouse.demo.OrderStatus;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.pages.DetailsPage;
import org.gatehouse.it.pages.FormPage;
import org.gatehouse.it.pages.ListPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generic admin as a person uses it, in Chromium, over the deterministic demo shop of
 * 1,000 orders on PostgreSQL. Each test works on records no other test touches.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminBrowserIT {

    private static final int ORDERS = 1_000;

    @ArquillianResource
    private URL injected;

    private ListPage list;
    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(TestDatabase.create(), Map.of("GATEHOUSE_DEMO_ROWS", Integer.toString(ORDERS)));
    }

    @BeforeEach
    void signIn() {
        browser = new Browser(Deployments.localBase(injected));
        browser.open("login");
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        list = ListPage.shown(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void pagesThroughOrdersWithTheUrlFollowingAndTheBackButtonRestoring() {
        browser.open("admin/orders");
        assertEquals(20, list.rows().size());
        assertEquals(DemoData.orderReference(ORDERS), list.cell(0, 1), "newest first by default");
        String firstPageTop = list.cell(0, 1);

        list.nextPage();
        assertTrue(browser.url().contains("page=2"), browser.url());
        assertEquals(DemoData.orderReference(ORDERS - 20), list.cell(0, 1));

        browser.driver().navigate().back();
        browser.wait(10).until(d -> !d.getCurrentUrl().contains("page=2"));
        list.awaitFirstCell(firstPageTop);
        assertEquals(firstPageTop, list.cell(0, 1));
    }

    @Test
    void nextAndPreviousSeekFromTheEdgeRowsAndReloadToTheSameRows() {
        browser.open("admin/orders?page=5");
        assertEquals(DemoData.orderReference(ORDERS - 80), list.cell(0, 1));
        list.nextPage();
        assertTrue(browser.url().contains("page=6") && browser.url().contains("after="), browser.url());
        assertEquals(DemoData.orderReference(ORDERS - 100), list.cell(0, 1));
        list.nextPage();
        assertEquals(DemoData.orderReference(ORDERS - 120), list.cell(0, 1));
        list.previousPage();
        assertTrue(browser.url().contains("page=6") && browser.url().contains("before="), browser.url());
        assertEquals(DemoData.orderReference(ORDERS - 100), list.cell(0, 1));
        assertEquals(DemoData.orderReference(ORDERS - 119), list.cell(19, 1));
        browser.driver().navigate().refresh();
        assertEquals(DemoData.orderReference(ORDERS - 100), list.cell(0, 1));
        assertTrue(list.paginator().contains("Page 6"));
    }

    @Test
    void sortsByAColumnAndKeepsTheSortInTheUrl() {
        browser.open("admin/orders");
        list.sortBy("Total");
        assertTrue(browser.url().contains("sort=total"), browser.url());
        List<String> shown = list.column(4);
        assertTrue(
                shown.stream().allMatch(total -> total.matches("\\d{1,3}(,\\d{3})*\\.\\d{2}")),
                "amounts in the reader's format: " + shown);
        List<BigDecimal> totals = shown.stream()
                .map(total -> new BigDecimal(total.replace(",", "")))
                .toList();
        assertEquals(totals.stream().sorted().toList(), totals);
        assertEquals(DemoData.orderReference(0).isEmpty() ? "" : smallestTotalReference(), list.cell(0, 1));
        assertTrue(list.isNumberCell(0, 4), "numbers are right-aligned");
        assertEquals(
                "Select row " + list.cell(0, 1),
                list.checkboxLabel(0),
                "the row checkboxes the AJAX sort rendered have names");
    }

    private static String smallestTotalReference() {
        int best = IntStream.rangeClosed(1, ORDERS)
                .boxed()
                .min((a, b) -> {
                    int byTotal = Long.compare((1_000 + (a * 7_331L) % 250_000), (1_000 + (b * 7_331L) % 250_000));
                    return byTotal != 0 ? byTotal : Integer.compare(a, b);
                })
                .orElseThrow();
        return DemoData.orderReference(best);
    }

    @Test
    void searchesAndFiltersByStatusAndDateRange() {
        ListPage.open(browser, "orders", "").search("ord-00012");
        browser.wait(10).until(d -> d.getCurrentUrl().contains("q=ord-00012"));
        assertEquals("10 orders", list.total());
        list.column(1).forEach(reference -> assertTrue(reference.startsWith("ORD-00012"), reference));

        ListPage.open(browser, "orders", "")
                .filter("status", "SHIPPED")
                .filterDates("createdAt", "2026-01-02", "2026-01-03")
                .applyFilters();
        browser.wait(10).until(d -> d.getCurrentUrl().contains("status=SHIPPED"));
        assertTrue(
                browser.url()
                        .endsWith("/admin/orders?status=SHIPPED&createdAt.from=2026-01-02&createdAt.to=2026-01-03"),
                "no empty parameters: " + browser.url());
        long expected = IntStream.rangeClosed(1, ORDERS)
                .filter(n -> DemoData.orderStatus(n) == OrderStatus.SHIPPED)
                .filter(n -> !DemoData.orderCreatedAt(n).toLocalDate().isBefore(LocalDate.of(2026, 1, 2)))
                .filter(n -> !DemoData.orderCreatedAt(n).toLocalDate().isAfter(LocalDate.of(2026, 1, 3)))
                .count();
        assertEquals(expected + " orders", list.total());
        list.column(3).forEach(status -> assertEquals("Shipped", status));
        assertTrue(list.showsBadges(), "enum values are badges");
        String chips = list.activeFilters();
        assertTrue(chips.contains("Status: Shipped") && chips.contains("Created at from: Jan 2, 2026"), chips);

        list.removeFilter("status");
        browser.wait(10).until(d -> !d.getCurrentUrl().contains("status="));
        assertTrue(
                browser.url().endsWith("/admin/orders?createdAt.from=2026-01-02&createdAt.to=2026-01-03"),
                browser.url());
        assertFalse(list.activeFilters().contains("Status"));
    }

    @Test
    void anEmptyResultOffersToClearTheSearchAndFilters() {
        browser.open("admin/orders?q=zzz-nothing&status=PAID&sort=total");
        assertEquals("No orders match the search and filters.", list.emptyText());
        list.clearSearch();
        browser.wait(10).until(d -> !d.getCurrentUrl().contains("q="));
        assertTrue(browser.url().endsWith("/admin/orders?sort=total"), "the sort stays: " + browser.url());
        assertEquals(20, list.rows().size());
    }

    @Test
    void theReadOnlyAuditLogHasNoSelection() {
        browser.open("admin/audit");
        list.rows();
        assertFalse(list.hasRowCheckboxes(), "no bulk action, no checkboxes");
        assertFalse(list.offersDeleteSelected());
    }

    @Test
    void hiddenColumnsStayHiddenAfterAReload() {
        browser.open("admin/customers");
        list.hideColumn("City");
        browser.driver().navigate().refresh();
        list.rows();
        assertFalse(list.headers().contains("City"), "remembered: " + list.headers());
        assertTrue(list.headers().contains("Country"), list.headers().toString());
    }

    @Test
    void bulkDeleteOfRecordsStillInUseSaysWhichAndOffersNoDelete() {
        browser.open("admin/customers?sort=name");
        List<String> names = list.column(1).subList(0, 2);
        list.select(0);
        list.select(1);
        list.deleteSelected();
        assertEquals("2 selected customers are still in use, so nothing can be deleted:", list.deleteBlockedText());
        String inUse = list.deleteInUse();
        names.forEach(name -> assertTrue(inUse.contains(name + ": used by 10 orders"), inUse));
        assertFalse(list.offersConfirmDelete(), "no Delete to offer");
        assertEquals("Close", list.cancelDeleteLabel());
    }

    @Test
    void aBulkActionAsksWithTheNumberOfRows() {
        browser.open("admin/orders?status=NEW");
        list.select(0);
        list.select(1);
        list.bulkAction("ship");
        assertTrue(list.actionQuestion().matches(".*\\b2\\b.*orders.*"), list.actionQuestion());
        list.declineAction();
        list.column(3).forEach(status -> assertEquals("New", status));
    }

    @Test
    void aListUrlWithStateRendersTheSameTableOnReload() {
        String url = "admin/orders?page=3&size=10&sort=total&status=PAID";
        browser.open(url);
        assertEquals(10, list.rows().size());
        assertTrue(list.paginator().contains("Page 3"));
        List<String> first = list.column(1);
        list.column(3).forEach(status -> assertEquals("Paid", status));
        browser.driver().navigate().refresh();
        assertEquals(first, list.column(1));
        assertTrue(browser.url().endsWith(url), browser.url());
    }

    @Test
    void badUrlParametersShowTheFirstPageWithNotices() {
        browser.open("admin/orders?page=abc&size=100000&sort=nonsense&createdAt.from=yesterday&status=LOST");
        assertEquals(20, list.rows().size());
        String notices = list.notices();
        assertTrue(notices.contains("Page size '100000'"), notices);
        assertTrue(notices.contains("Cannot sort by 'nonsense'"), notices);
        assertTrue(notices.contains("createdAt.from"), notices);
        assertTrue(notices.contains("'LOST'"), notices);
        assertEquals("1,000 orders", list.total());
    }

    @Test
    void opensAnOrderAndEditsItWithAValidationErrorFirst() {
        browser.open("admin/orders");
        DetailsPage details = list.openRecord(DemoData.orderReference(ORDERS - 3));
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/orders/" + (ORDERS - 3)));
        assertEquals(DemoData.orderReference(ORDERS - 3), details.property("reference"));

        FormPage form = details.edit();
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/edit"));
        form.type("total", "-5").save();
        form.awaitFieldMessage("total", "Total: enter at least 0.00.");
        assertTrue(form.errorSummary().contains("Total: enter at least 0.00."), "and in the summary on top");
        assertEquals("form:errorSummary", form.focused(), "which has the focus");
        assertEquals("-5", form.value("total"), "the bad input is kept");

        form.type("total", "123.45")
                .typeLong("note", "Call before delivery <b>please</b>")
                .save();
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/orders/" + (ORDERS - 3)));
        list.awaitNotice("Saved order");
        assertEquals("123.45", details.property("total"));
        assertEquals("Call before delivery <b>please</b>", details.property("note"), "output is escaped");
    }

    @Test
    void createsACustomerAndReportsADuplicateEmailOnTheField() {
        FormPage form = ListPage.open(browser, "customers", "").newRecord();
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/customers/new"));
        form.type("name", "Zed Newcomer")
                .type("email", "zed.newcomer@example.com")
                .type("country", "PT")
                .save();
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/customers/\\d+$"));
        list.awaitNotice("Created customer");
        assertEquals("zed.newcomer@example.com", DetailsPage.shown(browser).property("email"));

        browser.open("admin/customers/new");
        form.type("name", "Zed Again").type("email", DemoData.customerEmail(1)).save();
        form.awaitFieldMessage("email", "Email: another record already has this value");
        assertEquals("Zed Again", form.value("name"), "nothing typed is lost");
    }

    @Test
    void bulkDeletesTwoRowsAfterConfirming() {
        browser.open("admin/products?sort=sku");
        int before = Integer.parseInt(list.total().split(" ")[0]);
        List<String> skus = list.column(1).subList(0, 2);
        list.select(0);
        list.select(1);
        list.deleteSelected();
        assertTrue(list.deleteQuestion().contains("Delete 2 selected products"));
        list.confirmDelete();
        list.awaitNotice("Deleted 2 products");
        browser.open("admin/products?sort=sku");
        assertEquals((before - 2) + " products", list.total());
        skus.forEach(sku -> assertFalse(list.column(1).contains(sku), sku));
    }

    @Test
    void exportsTheFilteredListAsCsv() throws Exception {
        browser.open("admin/orders?status=CANCELLED&sort=total");
        String href = list.exportLink();
        assertTrue(href.contains("/admin/orders/export.csv?") && href.contains("status=CANCELLED"), href);

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "JSESSIONID=" + browser.sessionCookie())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = response.body().lines().toList();
        assertEquals("id,Reference,Customer,Status,Total,Created at", lines.get(0));
        long cancelled = IntStream.rangeClosed(1, ORDERS)
                .filter(n -> DemoData.orderStatus(n) == OrderStatus.CANCELLED)
                .count();
        assertEquals(cancelled, lines.size() - 1, "every filtered row, not just one page");
        lines.stream().skip(1).forEach(line -> assertEquals("CANCELLED", line.split(",")[3], line));
    }

    @Test
    void exportSaysWhenItStartedAndWhenTheDownloadHasBegun() {
        browser.open("admin/products?sort=sku");
        list.export();
        list.awaitNotice("Export started");
        list.awaitNotice("Export ready");
        assertTrue(browser.url().endsWith("/admin/products?sort=sku"), "the list stays: " + browser.url());
    }

    @Test
    void createsAUserWithRolesThenDeactivatesAndReactivatesThem() {
        browser.open("admin/users/new");
        FormPage.shown(browser)
                .type("email", "Editor.Person@Example.com")
                .tick("roles", "admin")
                .password("a-strong-editor-password")
                .save();
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/users/\\d+$"));
        DetailsPage user = DetailsPage.shown(browser);
        assertEquals("editor.person@example.com", user.property("email"));
        assertEquals("admin", user.property("roles"));
        assertEquals("Yes", user.property("active"));
        String userUrl = browser.url();

        ListPage.open(browser, "users", "q=editor.person");
        assertEquals("1 user", list.total());
        list.select(0);
        list.bulkAction("deactivate").confirmAction();
        list.awaitNotice("Deactivate: 1 user");
        assertEquals("No", list.cell(0, 2));

        list.select(0);
        list.bulkAction("activate").confirmAction();
        list.awaitNotice("Activate: 1 user");
        assertEquals("Yes", list.cell(0, 2));
        browser.driver().get(userUrl);
        assertEquals("Yes", user.property("active"));
        assertNotEquals("", user.property("createdAt"));
    }

    @Test
    void theSecondOfTwoConcurrentEditorsGetsTheConflictWithBothVersions() {
        int order = ORDERS - 9;
        try (Browser other = new Browser(Deployments.localBase(injected))) {
            other.open("login");
            other.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            browser.open("admin/orders/" + order + "/edit");
            other.open("admin/orders/" + order + "/edit");

            FormPage.shown(browser).type("total", "111.11").save();
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/orders/" + order));

            FormPage second = FormPage.shown(other);
            second.type("total", "222.22")
                    .typeLong("note", "Second editor's note")
                    .save();
            String message = second.awaitMessage("changed by someone else");
            assertTrue(message.contains("changed by someone else"), message);
            assertTrue(message.contains("Last change by " + Deployments.ADMIN_EMAIL), message);
            Map<String, List<String>> conflict = second.conflict();
            assertEquals(List.of("111.11", "222.22"), conflict.get("Total"), conflict.toString());
            assertEquals(List.of("", "Second editor's note"), conflict.get("Note"), conflict.toString());
            assertEquals(2, conflict.size(), "only what differs: " + conflict);
            assertTrue(other.url().endsWith("/edit"), "still on the form, nothing lost");

            second.reload().awaitValue("total", "111.11");
            assertEquals("", second.valueLong("note"), "the latest version, not mine");
        }
        DetailsPage details = DetailsPage.open(browser, "orders", order);
        assertEquals("111.11", details.property("total"));
        String history = details.history();
        assertTrue(history.contains("Updated") && history.contains("Total") && history.contains("111.11"), history);
        assertFalse(history.contains("222.22"), "the refused save left no trace");
    }

    @Test
    void deletingARoleAsksFirstAndSaysHowManyUsersHoldIt() {
        DetailsPage role = ListPage.open(browser, "roles", "q=admin").openRecord("admin");
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/roles/\\d+$"));
        role.delete();
        assertTrue(
                role.usage().matches("It is still in use: \\d+ users?\\. Deleting it removes it from them\\."),
                role.usage());
        role.cancelDelete();
        ListPage.open(browser, "roles", "q=admin");
        assertEquals("1 role", list.total(), "cancel deletes nothing");

        browser.open("admin/roles/new");
        FormPage.shown(browser)
                .type("name", "temporary")
                .type("description", "Made to be deleted")
                .save();
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/roles/\\d+$"));
        role.delete();
        assertFalse(role.hasUsage(), "an unused role has no warning");
        role.confirmDelete();
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/roles"));
        list.awaitNotice("Deleted role \"temporary\"");
        assertFalse(list.column(1).contains("temporary"));
    }

    @Test
    void aRecordStillInUseIsExplainedNotOfferedForDeletion() {
        DetailsPage customer = DetailsPage.open(browser, "customers", 1).delete();
        assertTrue(
                customer.deleteBlockedText()
                        .matches("It is still in use: \\d+ orders?\\. Delete or change those records first\\."),
                customer.deleteBlockedText());
        assertFalse(customer.offersConfirmDelete(), "no Delete the service would refuse");
        assertEquals("Close", customer.cancelDeleteLabel());
    }
}
