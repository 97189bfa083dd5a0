package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;
import org.openqa.selenium.By;

/** The sign-in page ({@code /login}) as a browser test uses it. */
public final class LoginPage {

    private final Browser browser;

    private LoginPage(Browser browser) {
        this.browser = browser;
    }

    /** The sign-in page the browser is on, or opens. */
    public static LoginPage of(Browser browser) {
        if (!browser.path().startsWith("/login")) {
            browser.open("login");
        }
        return new LoginPage(browser);
    }

    /** Types the credentials and submits; returns once the page has changed or shows an error. */
    public void signIn(String email, String password) {
        browser.type("#login\\:email", email);
        browser.type("#login\\:password", password);
        String before = browser.url();
        browser.click("#login\\:submit");
        browser.wait(15)
                .until(d -> !d.getCurrentUrl().equals(before)
                        || !d.findElements(By.cssSelector("#login\\:messages .ui-messages-error"))
                                .isEmpty());
    }

    /** The error the page shows, or "" for none. */
    public String error() {
        return browser.has("#login\\:messages .ui-messages-error") ? browser.text("#login\\:messages") : "";
    }
}
