package org.gatehouse.it.pages;

import java.util.List;
import org.gatehouse.it.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A view's list page ({@code /admin/{view}}) as a browser test uses it. */
public final class ListPage {

    private final Browser browser;

    private ListPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the list of the view, with the given query string (without '?', may be empty). */
    public static ListPage open(Browser browser, String view, String query) {
        browser.open("admin/" + view + (query.isEmpty() ? "" : "?" + query));
        return new ListPage(browser);
    }

    /** The list page the browser shows now. */
    public static ListPage shown(Browser browser) {
        return new ListPage(browser);
    }

    /** Searches for the text with the page's search box. */
    public ListPage search(String text) {
        browser.type("#q", text);
        browser.click("#searchButton");
        return this;
    }

    /** What the page says of the number of records ("1,000 orders"). */
    public String total() {
        return browser.text("#total");
    }

    /** The active filters as the chips above the table read. */
    public String activeFilters() {
        return browser.text("#activeFilters");
    }

    /** The notices of the page (dropped parameters and the like). */
    public String notices() {
        return browser.text("#list\\:notices");
    }

    /** The top paginator's text ("Page 3 of 50"). */
    public String paginator() {
        return browser.text("#list\\:table_paginator_top");
    }

    public List<WebElement> rows() {
        browser.find("#list\\:table_data");
        return browser.driver().findElements(By.cssSelector("#list\\:table_data > tr[data-rk]"));
    }

    public String cell(int row, int column) {
        return rows().get(row).findElements(By.tagName("td")).get(column).getText();
    }

    public List<String> column(int column) {
        return rows().stream()
                .map(r -> r.findElements(By.tagName("td")).get(column).getText())
                .toList();
    }

    public void nextPage() {
        String top = cell(0, 1);
        browser.click("#list\\:table_paginator_top .ui-paginator-next");
        awaitFirstCellNot(top);
    }

    public void previousPage() {
        String top = cell(0, 1);
        browser.click("#list\\:table_paginator_top .ui-paginator-prev");
        awaitFirstCellNot(top);
    }

    public void awaitFirstCellNot(String old) {
        browser.wait(10).until(d -> {
            try {
                return !cell(0, 1).equals(old);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    public void awaitFirstCell(String expected) {
        browser.wait(10).until(d -> {
            try {
                return cell(0, 1).equals(expected);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    public void sortBy(String header) {
        String url = browser.url();
        browser.driver().findElements(By.cssSelector("#list\\:table_head th")).stream()
                .filter(th -> th.getText().trim().equals(header))
                .findFirst()
                .orElseThrow()
                .click();
        browser.wait(10).until(d -> !d.getCurrentUrl().equals(url));
    }

    public void select(int row) {
        rows().get(row).findElement(By.cssSelector("td .ui-chkbox-box")).click();
        browser.wait(5).until(d -> "true".equals(rows().get(row).getAttribute("aria-selected")));
    }

    /** Waits for a notice: what was done shows as a toast, warnings and errors in the page's messages. */
    public void awaitNotice(String text) {
        browser.wait(10)
                .until(d -> d.findElements(By.cssSelector(".ui-growl, #list\\:notices")).stream()
                        .anyMatch(element -> element.getText().contains(text)));
    }
}
