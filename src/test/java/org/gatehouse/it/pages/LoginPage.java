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

    /** The sign-in page the browser shows now (after a redirect to it, say). */
    public static LoginPage shown(Browser browser) {
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

    /** The summary line of the error the page shows. */
    public String errorSummary() {
        return browser.text("#login\\:messages .ui-messages-error-summary");
    }

    /** Waits until the page shows an error. */
    public LoginPage awaitError() {
        browser.find("#login\\:messages .ui-messages-error");
        return this;
    }

    /** The title of the sign-in card. */
    public String title() {
        return browser.text(".ui-card-title");
    }

    /** The note for those sent from a closed registration. */
    public String registrationClosedNote() {
        return browser.text("#login\\:registrationClosed");
    }

    public boolean hasRegistrationClosedNote() {
        return browser.has("#login\\:registrationClosed");
    }

    /** Whether the page links to the registration. */
    public boolean offersRegistration() {
        return browser.has("#registerLink");
    }

    /** Follows the link to the registration. */
    public RegisterPage register() {
        browser.click("#registerLink");
        return RegisterPage.shown(browser);
    }

    /** The note that says the user has signed out. */
    public String signedOutNote() {
        return browser.text("#login\\:signedOut");
    }
}
