package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;
import org.openqa.selenium.By;

/** The self-registration page ({@code /register}) as a browser test uses it. */
public final class RegisterPage {

    private final Browser browser;

    private RegisterPage(Browser browser) {
        this.browser = browser;
    }

    /** The registration page the browser shows now. */
    public static RegisterPage shown(Browser browser) {
        return new RegisterPage(browser);
    }

    /** Types the address, the password and its confirmation, and asks for an account. */
    public void register(String email, String password) {
        browser.type("#form\\:email", email);
        browser.type("#form\\:password_input, #form\\:password", password);
        browser.type("#form\\:confirmation_input, #form\\:confirmation", password);
        browser.click("#form\\:submit");
    }

    /** The text of the password's field, its messages included. */
    public String passwordField() {
        return browser.driver()
                .findElement(By.xpath("//div[contains(@class, 'field')]"
                        + "[.//input[@id = 'form:password' or @id = 'form:password_input']]"))
                .getText();
    }
}
