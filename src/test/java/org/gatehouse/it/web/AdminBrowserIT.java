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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
        assertTrue(browser.text("#list\\:table_paginator_top").contains("Page 6"));
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
        assertTrue(
                list.rows()
                        .get(0)
                        .findElements(By.tagName("td"))
                        .get(4)
                        .getAttribute("class")
                        .contains("gh-number"),
                "numbers are right-aligned");
        assertEquals(
                "Select row " + list.cell(0, 1),
                list.rows().get(0).findElement(By.cssSelector(".ui-chkbox-box")).getAttribute("aria-label"),
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

        browser.open("admin/orders");
        new Select(browser.find("#filter-status")).selectByValue("SHIPPED");
        setDate("#filter-createdAt-from", "2026-01-02");
        setDate("#filter-createdAt-to", "2026-01-03");
        browser.click("#applyFilters");
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
        assertTrue(browser.has("#list\\:table_data td .gh-badge"), "enum values are badges");
        String chips = list.activeFilters();
        assertTrue(chips.contains("Status: Shipped") && chips.contains("Created at from: Jan 2, 2026"), chips);

        browser.click("#remove-status");
        browser.wait(10).until(d -> !d.getCurrentUrl().contains("status="));
        assertTrue(
                browser.url().endsWith("/admin/orders?createdAt.from=2026-01-02&createdAt.to=2026-01-03"),
                browser.url());
        assertFalse(list.activeFilters().contains("Status"));
    }

    @Test
    void anEmptyResultOffersToClearTheSearchAndFilters() {
        browser.open("admin/orders?q=zzz-nothing&status=PAID&sort=total");
        assertEquals("No orders match the search and filters.", browser.text("#emptyText"));
        browser.click("#list\\:table\\:clearSearch");
        browser.wait(10).until(d -> !d.getCurrentUrl().contains("q="));
        assertTrue(browser.url().endsWith("/admin/orders?sort=total"), "the sort stays: " + browser.url());
        assertEquals(20, list.rows().size());
    }

    @Test
    void theReadOnlyAuditLogHasNoSelection() {
        browser.open("admin/audit");
        list.rows();
        assertFalse(browser.has("#list\\:table .ui-chkbox"), "no bulk action, no checkboxes");
        assertFalse(browser.has("#list\\:deleteSelected"));
    }

    @Test
    void hiddenColumnsStayHiddenAfterAReload() {
        browser.open("admin/customers");
        browser.click("#list\\:toggler");
        WebElement city = browser.wait(10)
                .until(d -> d.findElements(By.cssSelector(".ui-columntoggler-item")).stream()
                        .filter(item ->
                                item.isDisplayed() && item.getText().trim().equals("City"))
                        .findFirst()
                        .orElse(null));
        city.findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.wait(5).until(d -> headers().stream().noneMatch(h -> h.equals("City")));
        browser.driver().navigate().refresh();
        list.rows();
        assertFalse(headers().contains("City"), "remembered: " + headers());
        assertTrue(headers().contains("Country"), headers().toString());
    }

    private List<String> headers() {
        return browser.driver().findElements(By.cssSelector("#list\\:table_head th")).stream()
                .filter(WebElement::isDisplayed)
                .map(th -> th.getText().trim())
                .toList();
    }

    @Test
    void bulkDeleteOfRecordsStillInUseSaysWhichAndOffersNoDelete() {
        browser.open("admin/customers?sort=name");
        List<String> names = list.column(1).subList(0, 2);
        list.select(0);
        list.select(1);
        browser.click("#list\\:deleteSelected");
        browser.wait(10).until(d -> d.findElement(By.id("list:deleteDialog")).isDisplayed());
        assertEquals(
                "2 selected customers are still in use, so nothing can be deleted:", browser.text("#deleteBlocked"));
        String inUse = browser.text("#deleteInUse");
        names.forEach(name -> assertTrue(inUse.contains(name + ": used by 10 orders"), inUse));
        assertFalse(browser.has("#list\\:confirmDeleteSelected"), "no Delete to offer");
        assertEquals("Close", browser.text("#list\\:cancelDelete"));
    }

    @Test
    void aBulkActionAsksWithTheNumberOfRows() {
        browser.open("admin/orders?status=NEW");
        list.select(0);
        list.select(1);
        browser.click("#list\\:bulk .gh-action-ship");
        browser.wait(10).until(d -> d.findElement(By.id("list:actionDialog")).isDisplayed());
        assertTrue(browser.text("#actionQuestion").matches(".*\\b2\\b.*orders.*"), browser.text("#actionQuestion"));
        browser.click("#list\\:confirmNo");
        browser.wait(10).until(d -> !d.findElement(By.id("list:actionDialog")).isDisplayed());
        list.column(3).forEach(status -> assertEquals("New", status));
    }

    private void setDate(String css, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1];", browser.find(css), isoDate);
    }

    @Test
    void aListUrlWithStateRendersTheSameTableOnReload() {
        String url = "admin/orders?page=3&size=10&sort=total&status=PAID";
        browser.open(url);
        assertEquals(10, list.rows().size());
        assertTrue(browser.text("#list\\:table_paginator_top").contains("Page 3"));
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
        String notices = browser.text("#list\\:notices");
        assertTrue(notices.contains("Page size '100000'"), notices);
        assertTrue(notices.contains("Cannot sort by 'nonsense'"), notices);
        assertTrue(notices.contains("createdAt.from"), notices);
        assertTrue(notices.contains("'LOST'"), notices);
        assertEquals("1,000 orders", browser.text("#total"));
    }

    @Test
    void opensAnOrderAndEditsItWithAValidationErrorFirst() {
        browser.open("admin/orders");
        browser.driver()
                .findElement(By.linkText(DemoData.orderReference(ORDERS - 3)))
                .click();
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/orders/" + (ORDERS - 3)));
        DetailsPage details = DetailsPage.shown(browser);
        assertEquals(DemoData.orderReference(ORDERS - 3), details.property("reference"));

        FormPage form = details.edit();
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/edit"));
        form.type("total", "-5").save();
        browser.textContaining("#field-total .gh-field-message", "Total: enter at least 0.00.");
        assertTrue(form.errorSummary().contains("Total: enter at least 0.00."), "and in the summary on top");
        assertEquals(
                "form:errorSummary",
                browser.driver().switchTo().activeElement().getAttribute("id"),
                "which has the focus");
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
        browser.open("admin/customers");
        browser.click("#new");
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/customers/new"));
        browser.type("#field-name input", "Zed Newcomer");
        browser.type("#field-email input", "zed.newcomer@example.com");
        browser.type("#field-country input", "PT");
        browser.click("#form\\:save");
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/customers/\\d+$"));
        list.awaitNotice("Created customer");
        assertEquals("zed.newcomer@example.com", browser.text("#property-email td"));

        browser.open("admin/customers/new");
        browser.type("#field-name input", "Zed Again");
        browser.type("#field-email input", DemoData.customerEmail(1));
        browser.click("#form\\:save");
        browser.textContaining("#field-email .gh-field-message", "Email: another record already has this value");
        assertEquals("Zed Again", browser.find("#field-name input").getAttribute("value"), "nothing typed is lost");
    }

    @Test
    void bulkDeletesTwoRowsAfterConfirming() {
        browser.open("admin/products?sort=sku");
        int before = Integer.parseInt(browser.text("#total").split(" ")[0]);
        List<String> skus = list.column(1).subList(0, 2);
        list.select(0);
        list.select(1);
        browser.click("#list\\:deleteSelected");
        browser.wait(10).until(d -> d.findElement(By.id("list:deleteDialog")).isDisplayed());
        assertTrue(browser.text("#deleteQuestion").contains("Delete 2 selected products"));
        browser.click("#list\\:confirmDeleteSelected");
        list.awaitNotice("Deleted 2 products");
        browser.open("admin/products?sort=sku");
        assertEquals((before - 2) + " products", browser.text("#total"));
        skus.forEach(sku -> assertFalse(list.column(1).contains(sku), sku));
    }

    @Test
    void exportsTheFilteredListAsCsv() throws Exception {
        browser.open("admin/orders?status=CANCELLED&sort=total");
        String href = browser.find("#export a").getAttribute("href");
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
        browser.click("#export a");
        list.awaitNotice("Export started");
        list.awaitNotice("Export ready");
        assertTrue(browser.url().endsWith("/admin/products?sort=sku"), "the list stays: " + browser.url());
    }

    @Test
    void createsAUserWithRolesThenDeactivatesAndReactivatesThem() {
        browser.open("admin/users/new");
        browser.type("#field-email input", "Editor.Person@Example.com");
        browser.click("#field-roles .ui-selectcheckboxmenu");
        WebElement adminItem = browser.wait(10)
                .until(
                        d -> d
                                .findElements(
                                        By.cssSelector(".ui-selectcheckboxmenu-panel li.ui-selectcheckboxmenu-item"))
                                .stream()
                                .filter(item -> item.isDisplayed()
                                        && item.getText().trim().equals("admin"))
                                .findFirst()
                                .orElse(null));
        adminItem.findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.wait(5)
                .until(d -> adminItem.getAttribute("class").contains("ui-selectcheckboxmenu-checked")
                        || !adminItem
                                .findElements(By.cssSelector(".ui-state-active"))
                                .isEmpty());
        browser.driver().findElement(By.tagName("h1")).click();
        browser.type("#form\\:password_input, #form\\:password", "a-strong-editor-password");
        browser.type("#form\\:passwordConfirmation_input, #form\\:passwordConfirmation", "a-strong-editor-password");
        browser.click("#form\\:save");
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/users/\\d+$"));
        assertEquals("editor.person@example.com", browser.text("#property-email td"));
        assertEquals("admin", browser.text("#property-roles td"));
        assertEquals("Yes", browser.text("#property-active td"));
        String userUrl = browser.url();

        browser.open("admin/users?q=editor.person");
        assertEquals("1 user", browser.text("#total"));
        list.select(0);
        browser.click("#list\\:bulk .gh-action-deactivate");
        browser.click("#list\\:confirmYes");
        list.awaitNotice("Deactivate: 1 user");
        assertEquals("No", list.cell(0, 2));

        list.select(0);
        browser.click("#list\\:bulk .gh-action-activate");
        browser.click("#list\\:confirmYes");
        list.awaitNotice("Activate: 1 user");
        assertEquals("Yes", list.cell(0, 2));
        browser.driver().get(userUrl);
        assertEquals("Yes", browser.text("#property-active td"));
        assertNotEquals("", browser.text("#property-createdAt td"));
    }

    @Test
    void theSecondOfTwoConcurrentEditorsGetsTheConflictWithBothVersions() {
        int order = ORDERS - 9;
        try (Browser other = new Browser(Deployments.localBase(injected))) {
            other.open("login");
            other.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            browser.open("admin/orders/" + order + "/edit");
            other.open("admin/orders/" + order + "/edit");

            browser.type("#field-total input", "111.11");
            browser.click("#form\\:save");
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/orders/" + order));

            other.type("#field-total input", "222.22");
            other.type("#field-note textarea", "Second editor's note");
            other.click("#form\\:save");
            // the messages element of the page before the save is there too: wait for the answer's text
            other.wait(10)
                    .until(d -> d.findElement(By.id("form:messages")).getText().contains("changed by someone else"));
            String message = other.text("#form\\:messages");
            assertTrue(message.contains("changed by someone else"), message);
            assertTrue(message.contains("Last change by " + Deployments.ADMIN_EMAIL), message);
            Map<String, List<String>> conflict = new java.util.HashMap<>();
            other.driver()
                    .findElements(By.cssSelector("#form\\:conflict tbody tr"))
                    .forEach(tr -> {
                        List<WebElement> cells = tr.findElements(By.tagName("td"));
                        conflict.put(
                                cells.get(0).getText(),
                                List.of(cells.get(1).getText(), cells.get(2).getText()));
                    });
            assertEquals(List.of("111.11", "222.22"), conflict.get("Total"), conflict.toString());
            assertEquals(List.of("", "Second editor's note"), conflict.get("Note"), conflict.toString());
            assertEquals(2, conflict.size(), "only what differs: " + conflict);
            assertTrue(other.url().endsWith("/edit"), "still on the form, nothing lost");

            other.click("#form\\:reload");
            other.wait(10)
                    .until(d -> d.findElements(By.id("form:conflict")).isEmpty()
                            && "111.11"
                                    .equals(d.findElement(By.cssSelector("#field-total input"))
                                            .getAttribute("value")));
            assertEquals("", other.find("#field-note textarea").getAttribute("value"), "the latest version, not mine");
        }
        browser.open("admin/orders/" + order);
        assertEquals("111.11", browser.text("#property-total td"));
        browser.click("#details\\:tabs a[href*='historyTab']");
        String history = browser.text("#history");
        assertTrue(history.contains("Updated") && history.contains("Total") && history.contains("111.11"), history);
        assertFalse(history.contains("222.22"), "the refused save left no trace");
    }

    @Test
    void deletingARoleAsksFirstAndSaysHowManyUsersHoldIt() {
        browser.open("admin/roles?q=admin");
        browser.driver().findElement(By.linkText("admin")).click();
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/roles/\\d+$"));
        browser.click("#details\\:delete");
        browser.wait(10)
                .until(d -> d.findElement(By.id("details:confirmDelete")).isDisplayed());
        assertTrue(
                browser.text("#details\\:usage")
                        .matches("It is still in use: \\d+ users?\\. Deleting it removes it from them\\."),
                browser.text("#details\\:usage"));
        browser.driver()
                .findElement(By.cssSelector("#details\\:confirmDelete .ui-button-secondary"))
                .click();
        browser.open("admin/roles?q=admin");
        assertEquals("1 role", browser.text("#total"), "cancel deletes nothing");

        browser.open("admin/roles/new");
        browser.type("#field-name input", "temporary");
        browser.type("#field-description input", "Made to be deleted");
        browser.click("#form\\:save");
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/roles/\\d+$"));
        browser.click("#details\\:delete");
        browser.wait(10)
                .until(d -> d.findElement(By.id("details:confirmDelete")).isDisplayed());
        assertFalse(browser.has("#details\\:usage"), "an unused role has no warning");
        browser.click("#details\\:confirmDeleteYes");
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/roles"));
        list.awaitNotice("Deleted role \"temporary\"");
        assertFalse(list.column(1).contains("temporary"));
    }

    @Test
    void aRecordStillInUseIsExplainedNotOfferedForDeletion() {
        browser.open("admin/customers/1");
        browser.click("#details\\:delete");
        browser.wait(10)
                .until(d -> d.findElement(By.id("details:confirmDelete")).isDisplayed());
        assertTrue(
                browser.text("#deleteBlocked")
                        .matches("It is still in use: \\d+ orders?\\. Delete or change those records first\\."),
                browser.text("#deleteBlocked"));
        assertFalse(browser.has("#details\\:confirmDeleteYes"), "no Delete the service would refuse");
        assertEquals("Close", browser.text("#details\\:cancelDelete"));
    }
}
