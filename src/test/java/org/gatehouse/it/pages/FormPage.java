package org.gatehouse.it.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.it.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A record's form ({@code /admin/{view}/new} or {@code /admin/{view}/{id}/edit}) as a browser test uses it. */
public final class FormPage {

    private final Browser browser;

    private FormPage(Browser browser) {
        this.browser = browser;
    }

    /** The form the browser shows now. */
    public static FormPage shown(Browser browser) {
        return new FormPage(browser);
    }

    /** Replaces the text of a one-line field. */
    public FormPage type(String field, String text) {
        browser.type("#field-" + field + " input", text);
        return this;
    }

    /** Replaces the text of a multi-line field. */
    public FormPage typeLong(String field, String text) {
        browser.type("#field-" + field + " textarea", text);
        return this;
    }

    /** What a one-line field holds now. */
    public String value(String field) {
        return browser.find("#field-" + field + " input").getAttribute("value");
    }

    public void save() {
        browser.click("#form\\:save");
    }

    /** The summary of the form's errors above the fields. */
    public String errorSummary() {
        return browser.text("#form\\:errorSummary");
    }

    /** What a multi-line field holds now. */
    public String valueLong(String field) {
        return browser.find("#field-" + field + " textarea").getAttribute("value");
    }

    /** Waits until the message under a field says the fragment, and answers the message. */
    public String awaitFieldMessage(String field, String fragment) {
        return browser.textContaining("#field-" + field + " .gh-field-message", fragment);
    }

    /** The id of the element that has the focus. */
    public String focused() {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    /** Ticks an option of a multiple-choice field (a check-box menu) and closes the menu. */
    public FormPage tick(String field, String option) {
        browser.click("#field-" + field + " .ui-selectcheckboxmenu");
        WebElement item = browser.wait(10)
                .until(
                        d -> d
                                .findElements(
                                        By.cssSelector(".ui-selectcheckboxmenu-panel li.ui-selectcheckboxmenu-item"))
                                .stream()
                                .filter(element -> element.isDisplayed()
                                        && element.getText().trim().equals(option))
                                .findFirst()
                                .orElse(null));
        item.findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.wait(5)
                .until(d -> item.getAttribute("class").contains("ui-selectcheckboxmenu-checked")
                        || !item.findElements(By.cssSelector(".ui-state-active"))
                                .isEmpty());
        browser.driver().findElement(By.tagName("h1")).click();
        return this;
    }

    /** Types a new password for the user and its confirmation. */
    public FormPage password(String password) {
        browser.type("#form\\:password_input, #form\\:password", password);
        browser.type("#form\\:passwordConfirmation_input, #form\\:passwordConfirmation", password);
        return this;
    }

    /** Waits until the form's messages say the fragment, and answers them. */
    public String awaitMessage(String fragment) {
        // the messages of the page before a save are there too: wait for the answer's text
        browser.wait(10)
                .until(d -> d.findElement(By.id("form:messages")).getText().contains(fragment));
        return browser.text("#form\\:messages");
    }

    /** The edit conflict's table: each field that differs, with the saved value and mine. */
    public Map<String, List<String>> conflict() {
        Map<String, List<String>> conflict = new LinkedHashMap<>();
        browser.driver()
                .findElements(By.cssSelector("#form\\:conflict tbody tr"))
                .forEach(tr -> {
                    List<WebElement> cells = tr.findElements(By.tagName("td"));
                    conflict.put(
                            cells.get(0).getText(),
                            List.of(cells.get(1).getText(), cells.get(2).getText()));
                });
        return conflict;
    }

    /** Reloads the latest version after a conflict and waits until the conflict is gone. */
    public FormPage reload() {
        browser.click("#form\\:reload");
        browser.wait(10).until(d -> d.findElements(By.id("form:conflict")).isEmpty());
        return this;
    }

    /** Waits until a one-line field holds the text (an update brings it). */
    public FormPage awaitValue(String field, String text) {
        browser.wait(10)
                .until(d -> text.equals(d.findElement(By.cssSelector("#field-" + field + " input"))
                        .getAttribute("value")));
        return this;
    }

    /** Waits until the form shows an error, in its messages or under a field. */
    public FormPage awaitErrors() {
        browser.find("#form\\:messages .ui-messages-error, .ui-message-error");
        return this;
    }
}
