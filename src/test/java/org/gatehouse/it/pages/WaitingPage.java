package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;

/** The page of a signed-in user without a role ({@code /waiting}), as a browser test reads it. */
public final class WaitingPage {

    private final Browser browser;

    private WaitingPage(Browser browser) {
        this.browser = browser;
    }

    /** The waiting page the browser shows now. */
    public static WaitingPage shown(Browser browser) {
        return new WaitingPage(browser);
    }

    public String heading() {
        return browser.text("#waiting h1");
    }
}
