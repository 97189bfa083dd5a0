package org.gatehouse.it.pages;

import org.gatehouse.it.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * What every page of the console shows around its content: the title, the menu, the signed-in
 * user with the account links, the toasts and the language switcher.
 */
public final class Layout {

    private final Browser browser;

    private Layout(Browser browser) {
        this.browser = browser;
    }

    /** The layout of the page the browser shows now. */
    public static Layout of(Browser browser) {
        return new Layout(browser);
    }

    /** Opens a path of the application and waits for the page's main content. */
    public static Layout open(Browser browser, String path) {
        browser.open(path);
        browser.find("main");
        return new Layout(browser);
    }

    /** The page's title (its h1). */
    public String title() {
        return browser.text("#page-title");
    }

    /** How many top-level headings (h1) the page has: one, for screen readers to find the page's subject. */
    public int topHeadings() {
        return browser.driver().findElements(By.tagName("h1")).size();
    }

    /** The e-mail address of the signed-in user, as the top bar shows it. */
    public String signedInUser() {
        return browser.text("#signed-in-user");
    }

    public boolean showsSignedInUser() {
        return browser.has("#signed-in-user");
    }

    /** Whether the page is rendered inside the admin layout's top bar. */
    public boolean hasTopbar() {
        return browser.has(".gh-topbar");
    }

    /** Whether the page has the admin menu at all. */
    public boolean hasMenu() {
        return browser.has("#menu");
    }

    /** Whether the admin menu is shown now (narrow screens fold it behind a button). */
    public boolean menuShown() {
        return browser.driver().findElement(By.id("menu")).isDisplayed();
    }

    /** Whether the button that unfolds the menu is shown. */
    public boolean menuButtonShown() {
        return browser.driver().findElement(By.id("menuButton")).isDisplayed();
    }

    /** Unfolds the menu with its button. */
    public Layout openMenu() {
        browser.click("#menuButton");
        return this;
    }

    /** What the menu button tells screen readers of the menu ("true" when unfolded). */
    public String menuButtonExpanded() {
        return browser.find("#menuButton").getAttribute("aria-expanded");
    }

    /** Follows a view's menu item. */
    public void goTo(String view) {
        browser.click("#menu-" + view);
    }

    /** Follows the account's "Change password" link. */
    public PasswordPage changePassword() {
        browser.click("#changePassword");
        return PasswordPage.shown(browser);
    }

    /** Clicks "Sign out" (without waiting for where it leads). */
    public void signOut() {
        browser.click("#logoutForm\\:logout");
    }

    /** Waits for a toast (what was done shows as one) that says the fragment, and answers the toasts' text. */
    public String awaitToast(String fragment) {
        return browser.textContaining(".ui-growl", fragment);
    }

    /** Chooses a language ("de", "auto", ...) with the switcher and applies it. */
    public void chooseLanguage(String language) {
        new Select(browser.find("#prefLanguage")).selectByValue(language);
        browser.click("#prefApply");
    }

    /** The language the page is in (the html element's lang). */
    public String language() {
        return browser.find("html").getAttribute("lang");
    }
}
