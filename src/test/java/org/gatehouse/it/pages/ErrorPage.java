package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;

/** An error page (403, 404, 500 ...) in the admin layout, as a browser test reads it. */
public final class ErrorPage {

    private final Browser browser;

    private ErrorPage(Browser browser) {
        this.browser = browser;
    }

    /** The error page the browser shows now. */
    public static ErrorPage shown(Browser browser) {
        return new ErrorPage(browser);
    }

    /** The error's heading ("Access denied"). */
    public String heading() {
        return browser.text(".gh-error h1");
    }
}
