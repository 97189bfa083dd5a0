package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;

/** A view's trash ({@code /admin/{view}/trash}) as a browser test uses it. */
public final class TrashPage {

    private final Browser browser;

    private TrashPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the trash of the view and waits for its table of deleted records. */
    public static TrashPage open(Browser browser, String view) {
        Layout.open(browser, "admin/" + view + "/trash");
        browser.find("#trashed");
        return new TrashPage(browser);
    }
}
