package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;

/**
 * A page where people choose their own new password: the mailed reset link ({@code /reset}) and
 * the account's {@code /account/password}, which also asks for the current one.
 */
public final class PasswordPage {

    private final Browser browser;

    private PasswordPage(Browser browser) {
        this.browser = browser;
    }

    /** The password page the browser shows now. */
    public static PasswordPage shown(Browser browser) {
        return new PasswordPage(browser);
    }

    /** Types the current password (only {@code /account/password} asks for it). */
    public PasswordPage current(String password) {
        browser.type("#form\\:currentPassword_input, #form\\:currentPassword", password);
        return this;
    }

    /** Types the new password and its confirmation. */
    public PasswordPage choose(String password) {
        browser.type("#form\\:password_input, #form\\:password", password);
        browser.type("#form\\:confirmation_input, #form\\:confirmation", password);
        return this;
    }

    public void save() {
        browser.click("#form\\:save");
    }

    /** The page's messages. */
    public String messages() {
        return browser.text("#form\\:messages");
    }
}
