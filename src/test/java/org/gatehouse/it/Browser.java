package org.gatehouse.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's ChromeDriver. Never downloads a browser: when
 * either is missing the test fails and says how to install them.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String baseUrl;

    public Browser(String baseUrl) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and ChromeDriver: "
                    + "apt-get update && apt-get install -y chromium chromium-driver");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        try {
            Path profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    "--window-size=1400,1000",
                    "--user-data-dir=" + profile.toAbsolutePath());
            // the console, to catch Content-Security-Policy violations of any page a test opens
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort()
                    .build();
            this.driver = new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path relative to the application root, e.g. {@code admin/users?page=2}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return url().substring(baseUrl.length() - 1);
    }

    public WebElement find(String css) {
        return wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The element's text, read again if a page load or AJAX update replaced it meanwhile. */
    public String text(String css) {
        return wait(10).until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits until the element's text contains the fragment (an AJAX or page update brings it) and returns it. */
    public String textContaining(String css, String fragment) {
        return wait(10).until(d -> {
            String text = d.findElement(By.cssSelector(css)).getText();
            return text.contains(fragment) ? text : null;
        });
    }

    public WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        // AJAX updates replace elements under the test's feet; look again instead of failing
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Replaces the text of an input; when an AJAX update swaps the input out mid-way (Chromium then
     * reports the node as stale or as no longer belonging to the document) it types again into the new one.
     */
    public void type(String css, String text) {
        wait(10).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            WebElement input = d.findElement(By.cssSelector(css));
            input.clear();
            input.sendKeys(text);
            return text.equals(input.getAttribute("value"));
        });
    }

    public void click(String css) {
        wait(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    /** Signs in on the login page the browser is on (or opens it first). */
    public void signIn(String email, String password) {
        org.gatehouse.it.pages.LoginPage.of(this).signIn(email, password);
    }

    public String sessionCookie() {
        var cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    private final java.util.List<String> violations = new java.util.ArrayList<>();

    /** Console messages so far that report a Content-Security-Policy violation. */
    public java.util.List<String> cspViolations() {
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        return java.util.List.copyOf(violations);
    }

    /**
     * Ends the browser; fails if any page it showed broke the Content-Security-Policy, so that
     * every browser test also proves the pages work without inline scripts or eval.
     */
    @Override
    public void close() {
        java.util.List<String> broken;
        try {
            broken = cspViolations();
        } finally {
            driver.quit();
        }
        if (!broken.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations: " + broken);
        }
    }
}
