package org.gatehouse.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.it.pages.DetailsPage;
import org.gatehouse.it.pages.FormPage;
import org.gatehouse.it.pages.Layout;
import org.gatehouse.it.pages.ListPage;
import org.gatehouse.it.pages.LoginPage;
import org.gatehouse.it.pages.TrashPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The interface as people with different screens, abilities and languages meet it, in Chromium:
 * axe-core (WCAG 2.1 A and AA rules) on every page type in the light and the dark theme, no
 * sideways scrolling on a 360 px wide phone, sign-in to saved edit with the keyboard alone, and
 * the language from the browser or the switcher.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InterfaceIT {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @ArquillianResource
    private URL injected;

    private String base;

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(TestDatabase.create(), Map.of("GATEHOUSE_DEMO_ROWS", "40"))
                .addClass(TestUsers.class);
    }

    @BeforeEach
    void openBrowser() {
        base = Deployments.localBase(injected);
        browser = new Browser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** Every page type, by a name for the report, and how to get there from a signed-in browser. */
    private Map<String, Runnable> signedInPages() {
        Map<String, Runnable> pages = new LinkedHashMap<>();
        pages.put("home", () -> open("admin/"));
        for (String view : List.of("products", "customers", "orders", "users", "roles", "audit")) {
            pages.put("list " + view, () -> open("admin/" + view));
        }
        pages.put("filtered list", () -> open("admin/products?active=true&price.from=1&q=a"));
        pages.put("empty list", () -> open("admin/products?q=nothing-matches-this"));
        pages.put("form with errors", () -> {
            open("admin/customers/new");
            FormPage form = FormPage.shown(browser);
            form.save();
            form.awaitErrors();
        });
        pages.put("details", () -> open(firstRecordOf("orders")));
        pages.put("history", () -> {
            open(firstRecordOf("products"));
            DetailsPage.shown(browser).showHistory();
        });
        pages.put("delete dialog", () -> {
            open(firstRecordOf("products"));
            DetailsPage.shown(browser).delete();
        });
        pages.put("bulk delete dialog", () -> {
            open("admin/products");
            ListPage list = ListPage.shown(browser);
            list.select(0);
            list.deleteSelected();
        });
        pages.put("trash", () -> {
            // a product deleted into the trash, so that the page shows a row with its buttons
            open(firstRecordOf("products"));
            DetailsPage.shown(browser).delete().confirmDelete();
            browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/admin/products"));
            TrashPage.open(browser, "products");
        });
        pages.put("permissions", () -> {
            open(firstRecordOf("roles"));
            DetailsPage.shown(browser).showPermissions();
        });
        pages.put("edit form", () -> open(firstRecordOf("customers") + "/edit"));
        pages.put("account password", () -> open("account/password"));
        pages.put("account sessions", () -> open("account/sessions"));
        pages.put("account two-factor", () -> open("account/two-factor"));
        pages.put("not found", () -> open("admin/nothing-here"));
        pages.put("record not found", () -> open("admin/products/99999999"));
        return pages;
    }

    private Map<String, Runnable> anonymousPages() {
        Map<String, Runnable> pages = new LinkedHashMap<>();
        pages.put("login", () -> open("login"));
        pages.put("login with error", () -> {
            open("login");
            LoginPage login = LoginPage.of(browser);
            login.signIn("nobody@gatehouse.test", "wrong password here");
            login.awaitError();
        });
        pages.put("closed registration", () -> open("register"));
        return pages;
    }

    @Test
    void everyPageTypePassesAxeInTheLightAndTheDarkTheme() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> serious = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            open("login");
            browser.driver().manage().addCookie(new Cookie("gatehouse.theme", theme, "/"));
            anonymousPages().forEach((name, go) -> audit(theme + " " + name, go, counts, serious));
            browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            signedInPages().forEach((name, go) -> audit(theme + " " + name, go, counts, serious));
            browser.driver().manage().deleteAllCookies();
        }
        System.out.println("axe violations per page (all impacts): " + counts);
        assertEquals(List.of(), serious, "critical or serious accessibility violations");
    }

    private void audit(String name, Runnable go, Map<String, Integer> counts, List<String> serious) {
        go.run();
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
        int all = 0;
        for (Rule rule : results.getViolations()) {
            all += rule.getNodes().size();
            if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
                for (CheckedNode node : rule.getNodes()) {
                    serious.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + " "
                            + abbreviate(node.getHtml()) + " " + abbreviate(String.valueOf(node.getFailureSummary())));
                }
            }
        }
        counts.put(name, all);
    }

    @Test
    void noPageScrollsSidewaysOnA360PixelPhone() {
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(360, 780));
        List<String> wide = new ArrayList<>();
        Map<String, Runnable> pages = new LinkedHashMap<>(signedInPages());
        pages.forEach((name, go) -> {
            go.run();
            long[] widths = widths();
            if (widths[0] > widths[1] + 1) {
                wide.add(name + " is " + widths[0] + " px wide in a " + widths[1] + " px window, because of "
                        + widest());
            }
        });
        Layout.of(browser).signOut();
        anonymousPages().forEach((name, go) -> {
            go.run();
            long[] widths = widths();
            if (widths[0] > widths[1] + 1) {
                wide.add(name + " is " + widths[0] + " px wide in a " + widths[1] + " px window");
            }
        });
        assertEquals(List.of(), wide);
    }

    @Test
    void theMenuFoldsBehindAButtonOnNarrowScreens() {
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        Layout layout = Layout.open(browser, "admin/");
        assertTrue(!layout.menuShown(), "the menu is folded away");
        layout.openMenu();
        assertTrue(layout.menuShown(), "the button opens the menu");
        assertEquals("true", layout.menuButtonExpanded());
        layout.goTo("products");
        assertEquals("Products", layout.title());
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        open("admin/");
        assertTrue(layout.menuShown(), "wide screens show the menu");
        assertTrue(!layout.menuButtonShown(), "and no button");
    }

    @Test
    void signInOpenARecordEditAndSaveWithTheKeyboardAlone() {
        open("login");
        String skip = tabUntil("a.gh-skip", 3);
        assertTrue(skip.contains("gh-skip"), "the first Tab reaches the skip link");
        tabUntil("#login\\:email", 10);
        keys(Deployments.ADMIN_EMAIL);
        tabUntil("#login\\:password", 3);
        keys(Deployments.ADMIN_PASSWORD, Keys.ENTER);
        browser.wait(15).until(d -> d.getCurrentUrl().contains("/admin/"));

        open("admin/customers");
        tabUntil("a.gh-skip", 3);
        keys(Keys.ENTER);
        int presses = tabCount("#list\\:table_data a.gh-row-link", 70);
        System.out.println("Tab presses from the skip link to the first record: " + presses);
        keys(Keys.ENTER);
        browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/customers/\\d+$"));

        tabUntil("#details\\:edit", 40);
        keys(Keys.ENTER);
        browser.wait(10).until(d -> d.getCurrentUrl().endsWith("/edit"));
        tabUntil("#form input[type=text]", 40);
        String name = "Keyboard Customer " + System.nanoTime() % 100000;
        WebElement field = browser.driver().switchTo().activeElement();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), name);
        tabUntil("#form\\:save", 60);
        keys(Keys.ENTER);
        browser.wait(15).until(d -> d.getCurrentUrl().matches(".*/admin/customers/\\d+$"));
        Layout layout = Layout.of(browser);
        assertTrue(layout.title().contains(name), "saved: " + layout.title());
    }

    @Test
    void everyControlShowsWhereTheFocusIs() {
        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        List<String> invisible = new ArrayList<>();
        for (String page : List.of("admin/orders", firstRecordOf("customers") + "/edit", "account/password")) {
            open(page);
            String first = null;
            for (int i = 0; i < 80; i++) {
                keys(Keys.TAB);
                WebElement active = browser.driver().switchTo().activeElement();
                String id = describe(active);
                if (id.equals(first)) {
                    break;
                }
                if ("body".equals(active.getTagName())) {
                    continue;
                }
                first = first == null ? id : first;
                String style = (String) js(
                        "var s = getComputedStyle(arguments[0]); return s.outlineStyle + ' '"
                                + " + s.outlineWidth + ' / ' + s.boxShadow;",
                        active);
                boolean outline = !style.startsWith("none") && !style.startsWith("hidden") && !style.contains(" 0px /");
                boolean visible = outline || !style.endsWith("/ none");
                if (!visible && active.isDisplayed()) {
                    invisible.add(page + ": " + id + " (" + style + ")");
                }
            }
        }
        assertEquals(List.of(), invisible, "controls without a visible focus indicator");
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitcherRemembersIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> german = client.send(
                HttpRequest.newBuilder(URI.create(base + "login"))
                        .header("Accept-Language", "de-CH, en;q=0.5")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(german.body().contains("lang=\"de\""), "a browser asking for German gets German");
        assertTrue(german.body().contains("Sprache"), "the footer in German");
        HttpResponse<String> japanese = client.send(
                HttpRequest.newBuilder(URI.create(base + "login"))
                        .header("Accept-Language", "ja")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(japanese.body().contains("lang=\"en\""), "an unsupported language falls back to English");

        browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        Layout.open(browser, "admin/products").chooseLanguage("de");
        browser.wait(10).until(d -> "de".equals(Layout.of(browser).language()));
        assertTrue(
                browser.path().startsWith("/admin/products"), "back on the page it was changed on: " + browser.url());

        try (Browser other = new Browser(base)) {
            other.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            other.open("admin/");
            Layout elsewhere = Layout.of(other);
            assertEquals("de", elsewhere.language(), "the choice follows the user to another browser");
            elsewhere.chooseLanguage("auto");
            other.wait(10).until(d -> "en".equals(elsewhere.language()));
        }
        HttpResponse<String> crafted = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "preferences"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("lang=xx%00&continue=//evil.example/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, crafted.statusCode(), "an unknown language is refused");
        HttpResponse<String> away = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "preferences"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("lang=de&continue=//evil.example/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String location = away.headers().firstValue("Location").orElse("");
        assertTrue(!location.contains("evil.example"), "never sent to another site: " + location);
        HttpClient noRedirects = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String context = URI.create(base).getPath();
        HttpResponse<String> dots = noRedirects.send(
                HttpRequest.newBuilder(URI.create(base + "preferences"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "theme=dark&continue=" + context + "admin/%252e%252e/%252e%252e/x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                dots.headers().firstValue("Location").orElse("").endsWith(context + "admin/"),
                "encoded dot segments do not leave the application: "
                        + dots.headers().firstValue("Location"));
        HttpResponse<String> crossSite = noRedirects.send(
                HttpRequest.newBuilder(URI.create(base + "preferences"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("lang=de"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode(), "another site's form cannot change the preferences");
    }

    private void open(String path) {
        Layout.open(browser, path);
    }

    private String firstRecordOf(String view) {
        open("admin/" + view);
        return ListPage.shown(browser).firstRecordLink().substring(base.length());
    }

    private long[] widths() {
        Object scroll = js("return document.documentElement.scrollWidth;");
        Object client = js("return document.documentElement.clientWidth;");
        return new long[] {((Number) scroll).longValue(), ((Number) client).longValue()};
    }

    /** The innermost elements reaching past the window's right edge, to say what makes a page too wide. */
    private Object widest() {
        return js("var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1 && getComputedStyle(e).position !== 'fixed'"
                + "      && !Array.from(e.children).some(function (c) { return c.getBoundingClientRect().right > w + 1; })) {"
                + "    out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right));"
                + "  }"
                + "});"
                + "return out.slice(0, 5).join('; ');");
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab until the focused element matches, failing after the given number of presses. */
    private String tabUntil(String css, int most) {
        tabCount(css, most);
        return describe(browser.driver().switchTo().activeElement());
    }

    private int tabCount(String css, int most) {
        for (int i = 1; i <= most; i++) {
            keys(Keys.TAB);
            Boolean matches =
                    (Boolean) js("return document.activeElement.matches(arguments[0]);", css.replace("\\\\", "\\"));
            if (Boolean.TRUE.equals(matches)) {
                return i;
            }
        }
        throw new AssertionError(css + " not reached with " + most + " Tab presses; focus is on "
                + describe(browser.driver().switchTo().activeElement()));
    }

    private static String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + "." + element.getAttribute("class");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
