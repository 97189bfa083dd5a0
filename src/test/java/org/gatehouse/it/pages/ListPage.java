package org.gatehouse.it.pages;

import java.util.List;
import org.gatehouse.it.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
        askForNextPage();
        awaitFirstCellNot(top);
    }

    /** Clicks the paginator's "next" without waiting for the rows to change (the answer may be another page). */
    public void askForNextPage() {
        browser.click("#list\\:table_paginator_top .ui-paginator-next");
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

    /** The table's whole text, header to last row. */
    public String tableText() {
        return browser.text("#list\\:table_data");
    }

    /** Whether the page has the table at all. */
    public boolean hasTable() {
        return browser.has("#list\\:table");
    }

    /** Whether the cells show enum values as badges. */
    public boolean showsBadges() {
        return browser.has("#list\\:table_data td .gh-badge");
    }

    /** What the table says when nothing matches. */
    public String emptyText() {
        return browser.text("#emptyText");
    }

    /** Follows the empty table's "clear the search and filters" link. */
    public void clearSearch() {
        browser.click("#list\\:table\\:clearSearch");
    }

    /** Picks a value in a property's drop-down filter. */
    public ListPage filter(String property, String value) {
        new Select(browser.find("#filter-" + property)).selectByValue(value);
        return this;
    }

    /** Sets a date-range filter's bounds (ISO dates), as the date pickers would. */
    public ListPage filterDates(String property, String from, String to) {
        setDate("#filter-" + property + "-from", from);
        setDate("#filter-" + property + "-to", to);
        return this;
    }

    private void setDate(String css, String isoDate) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1];", browser.find(css), isoDate);
    }

    /** Applies the filters picked so far. */
    public void applyFilters() {
        browser.click("#applyFilters");
    }

    /** Removes a filter with the cross on its chip. */
    public void removeFilter(String property) {
        browser.click("#remove-" + property);
    }

    /** Whether rows can be ticked (a view with bulk actions). */
    public boolean hasRowCheckboxes() {
        return browser.has("#list\\:table .ui-chkbox");
    }

    /** Whether the page offers "Delete selected". */
    public boolean offersDeleteSelected() {
        return browser.has("#list\\:deleteSelected");
    }

    /** The headers of the columns shown. */
    public List<String> headers() {
        return browser.driver().findElements(By.cssSelector("#list\\:table_head th")).stream()
                .filter(WebElement::isDisplayed)
                .map(th -> th.getText().trim())
                .toList();
    }

    /** Hides a column with the column chooser and waits until its header is gone. */
    public void hideColumn(String header) {
        browser.click("#list\\:toggler");
        WebElement item = browser.wait(10)
                .until(d -> d.findElements(By.cssSelector(".ui-columntoggler-item")).stream()
                        .filter(element -> element.isDisplayed()
                                && element.getText().trim().equals(header))
                        .findFirst()
                        .orElse(null));
        item.findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.wait(5).until(d -> headers().stream().noneMatch(h -> h.equals(header)));
    }

    /** Whether a row's cell in the column is marked as a number (right-aligned). */
    public boolean isNumberCell(int row, int column) {
        return rows().get(row)
                .findElements(By.tagName("td"))
                .get(column)
                .getAttribute("class")
                .contains("gh-number");
    }

    /** The name a screen reader gives the row's checkbox. */
    public String checkboxLabel(int row) {
        return rows().get(row).findElement(By.cssSelector(".ui-chkbox-box")).getAttribute("aria-label");
    }

    /** Clicks "Delete selected" and waits for the dialog that asks. */
    public ListPage deleteSelected() {
        browser.click("#list\\:deleteSelected");
        browser.wait(10).until(d -> d.findElement(By.id("list:deleteDialog")).isDisplayed());
        return this;
    }

    /** The delete dialog's question ("Delete 2 selected products?"). */
    public String deleteQuestion() {
        return browser.text("#deleteQuestion");
    }

    /** Why the delete dialog cannot delete the selection. */
    public String deleteBlockedText() {
        return browser.text("#deleteBlocked");
    }

    /** The delete dialog's list of selected records still in use, and by what. */
    public String deleteInUse() {
        return browser.text("#deleteInUse");
    }

    /** Whether the delete dialog offers to delete. */
    public boolean offersConfirmDelete() {
        return browser.has("#list\\:confirmDeleteSelected");
    }

    /** The label of the delete dialog's button that closes it. */
    public String cancelDeleteLabel() {
        return browser.text("#list\\:cancelDelete");
    }

    /** Confirms the deletion of the selected rows. */
    public void confirmDelete() {
        browser.click("#list\\:confirmDeleteSelected");
    }

    /** Starts a bulk action on the selected rows (its style class without "gh-action-") and waits for its question. */
    public ListPage bulkAction(String action) {
        browser.click("#list\\:bulk .gh-action-" + action);
        browser.wait(10).until(d -> d.findElement(By.id("list:actionDialog")).isDisplayed());
        return this;
    }

    /** The question the bulk action asks. */
    public String actionQuestion() {
        return browser.text("#actionQuestion");
    }

    /** Answers the bulk action's question with yes. */
    public void confirmAction() {
        browser.click("#list\\:confirmYes");
    }

    /** Answers the bulk action's question with no and waits for the dialog to close. */
    public void declineAction() {
        browser.click("#list\\:confirmNo");
        browser.wait(10).until(d -> !d.findElement(By.id("list:actionDialog")).isDisplayed());
    }

    /** Where the export link points. */
    public String exportLink() {
        return browser.find("#export a").getAttribute("href");
    }

    /** Clicks the export link. */
    public void export() {
        browser.click("#export a");
    }

    /** Clicks "New" and answers the empty form. */
    public FormPage newRecord() {
        browser.click("#new");
        return FormPage.shown(browser);
    }

    /** Follows the link of the record the table shows with that text. */
    public DetailsPage openRecord(String linkText) {
        browser.driver().findElement(By.linkText(linkText)).click();
        return DetailsPage.shown(browser);
    }

    /** Where the first row's link points. */
    public String firstRecordLink() {
        return browser.find("#list\\:table_data a.gh-row-link").getAttribute("href");
    }
}
