package org.gatehouse.it.pages;

import java.util.List;
import org.gatehouse.it.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The dashboard ({@code /admin/}): record counts, charts per view and the recent activity. */
public final class DashboardPage {

    private final Browser browser;

    private DashboardPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the dashboard. */
    public static DashboardPage open(Browser browser) {
        browser.open("admin/");
        return new DashboardPage(browser);
    }

    /** A view's card's count ("1,234 records"). */
    public String count(String view) {
        return browser.text("#count-" + view);
    }

    public boolean hasCard(String view) {
        return browser.has("#card-" + view);
    }

    /** Waits until Chart.js has drawn the number of charts. */
    public DashboardPage awaitChartsDrawn(int charts) {
        browser.wait(10)
                .until(d -> ((Number)
                                        js(
                                                "return Object.keys(PrimeFaces.widgets)"
                                                        + ".map(function (k) { return PrimeFaces.widgets[k]; })"
                                                        + ".filter(function (w) { return w instanceof PrimeFaces.widget.Chart && w.chart; }).length"))
                                .intValue()
                        == charts);
        return this;
    }

    /** Whether the page has a view's records-created chart at all. */
    public boolean hasCreatedChart(String view) {
        return browser.has("#created-" + view);
    }

    /** Whether a view's records-created chart is an image with a name for screen readers. */
    public boolean createdChartIsLabelledImage(String view) {
        return browser.has("#created-" + view + " canvas[role=img][aria-label]");
    }

    /** The rows of the table beside a view's records-created chart, one a day. */
    public int createdDays(String view) {
        return browser.driver()
                .findElements(By.cssSelector("#created-" + view + " tbody tr"))
                .size();
    }

    /** The colour Chart.js fills a view's records-created bars with. */
    public String createdColour(String view) {
        return (String) js("var c = document.querySelector('#created-" + view + " canvas');"
                + " return Chart.getChart(c).data.datasets[0].backgroundColor;");
    }

    /** The total over a view's records-created chart ("12 new records"). */
    public String createdTotal(String view) {
        return browser.text("#created-" + view + " .gh-dash-total");
    }

    /** What a view's records-created chart tells screen readers. */
    public String createdLabel(String view) {
        return browser.find("#created-" + view + " canvas").getAttribute("aria-label");
    }

    /** The total over the sign-ins chart. */
    public String signInsTotal() {
        return browser.text("#sign-ins .gh-dash-total");
    }

    /** The headers of the table beside the sign-ins chart. */
    public List<String> signInsHeaders() {
        return browser.driver().findElements(By.cssSelector("#sign-ins thead th")).stream()
                .map(th -> th.getAttribute("textContent").trim())
                .toList();
    }

    /** The signed-in user's own recent activity. */
    public String myActivity() {
        return browser.text("#my-activity");
    }

    /** The latest changes by anyone. */
    public String latestChanges() {
        return browser.text("#latest-changes");
    }

    /** The tooltip of the first latest change's time (its full date and time). */
    public String latestChangeTime() {
        return browser.find("#latest-changes time").getAttribute("title");
    }

    /** Follows the first latest change's link to its record. */
    public void openLatestChange() {
        browser.click("#latest-changes a.gh-dash-record");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
