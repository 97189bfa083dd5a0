package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;
import org.openqa.selenium.By;

/** A record's details page ({@code /admin/{view}/{id}}) with its tabs, as a browser test uses it. */
public final class DetailsPage {

    private final Browser browser;

    private DetailsPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the record's details page. */
    public static DetailsPage open(Browser browser, String view, Object id) {
        browser.open("admin/" + view + "/" + id);
        return new DetailsPage(browser);
    }

    /** The details page the browser shows now. */
    public static DetailsPage shown(Browser browser) {
        return new DetailsPage(browser);
    }

    /** A property's value as the Details tab shows it. */
    public String property(String name) {
        return browser.text("#property-" + name + " td");
    }

    /** Shows the History tab and answers its table's text. */
    public String history() {
        browser.click("#details\\:tabs a[href*='historyTab']");
        return browser.text("#history");
    }

    /** Follows the History tab's "Revert this change" link of an audit entry. */
    public DetailsPage revertChange(long entry) {
        browser.click("#details\\:tabs a[href*='historyTab']");
        browser.click("#revertChange-" + entry);
        browser.wait(15).until(d -> browser.has("#revertTitle"));
        return this;
    }

    /** The revert preview's rows, "field now after" each. */
    public String revertSteps() {
        return browser.text("#revertSteps tbody");
    }

    /** Confirms the previewed revert and waits for the toast that says it is done; answers the toast. */
    public String confirmRevert() {
        browser.click("#details\\:revertConfirm");
        browser.wait(15).until(d -> browser.has(".ui-growl-message"));
        return browser.text(".ui-growl-message .ui-growl-title");
    }

    /** Opens the form of the record. */
    public FormPage edit() {
        browser.click("#details\\:edit");
        return FormPage.shown(browser);
    }

    /** Shows the History tab and waits until it is shown. */
    public DetailsPage showHistory() {
        browser.click("a[href*='historyTab']");
        browser.find(
                "#details\\:tabs\\:historyTab[aria-hidden='false'], #details\\:tabs\\:historyTab:not([aria-hidden])");
        return this;
    }

    /** Shows the tab after Details and History (a role's permissions). */
    public DetailsPage showPermissions() {
        browser.click("#details\\:tabs a[href*='tabs']:not([href*='detailsTab']):not([href*='historyTab'])");
        return this;
    }

    /** Clicks "Delete" and waits for the dialog that asks. */
    public DetailsPage delete() {
        browser.click("#details\\:delete");
        browser.wait(10)
                .until(d -> d.findElement(By.id("details:confirmDelete")).isDisplayed());
        return this;
    }

    /** The delete dialog's warning of what still uses the record. */
    public String usage() {
        return browser.text("#details\\:usage");
    }

    /** Whether the delete dialog warns of what still uses the record. */
    public boolean hasUsage() {
        return browser.has("#details\\:usage");
    }

    /** Why the delete dialog cannot delete the record. */
    public String deleteBlockedText() {
        return browser.text("#deleteBlocked");
    }

    /** Whether the delete dialog offers to delete. */
    public boolean offersConfirmDelete() {
        return browser.has("#details\\:confirmDeleteYes");
    }

    /** The label of the delete dialog's button that closes it. */
    public String cancelDeleteLabel() {
        return browser.text("#details\\:cancelDelete");
    }

    /** Closes the delete dialog without deleting. */
    public void cancelDelete() {
        browser.driver()
                .findElement(By.cssSelector("#details\\:confirmDelete .ui-button-secondary"))
                .click();
    }

    /** Confirms the deletion. */
    public void confirmDelete() {
        browser.click("#details\\:confirmDeleteYes");
    }
}
