package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;

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
}
