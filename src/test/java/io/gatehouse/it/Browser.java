package io.gatehouse.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One headless Chromium per test class (Debian's {@code chromium} and {@code chromium-driver}, which
 * .ci/run installs), driven by Selenium with explicit waits. When a step fails, the screenshot and
 * the page's DOM are kept under {@code target/failsafe-reports/screenshots/}. Register it as a static
 * {@code @RegisterExtension} field.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots", "target/failsafe-reports/screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** -Dit.screenshots.all=true: keep the last page of every test, passed or not (to look at the portal). */
    private static final boolean KEEP_ALL = Boolean.getBoolean("it.screenshots.all");

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // Missing binaries fail the class loudly: a browser suite that skips itself proves nothing.
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        profile = Files.createTempDirectory("gatehouse-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Headless, and quiet: this machine has no network, and Chromium's background calls only slow it down.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
        // A view re-renders its rows after each change: an element read mid-way is simply read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (KEEP_ALL && context.getExecutionException().isEmpty()) {
            keepEvidence(context);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        keepEvidence(context);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        keepEvidence(context);
        throw failure;
    }

    /** The screenshot and the DOM as they were when the step failed, named after the test. */
    private void keepEvidence(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the screenshot of " + name + ": " + e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A fresh start at the portal: no cookie, no storage, the window at desktop size. */
    public void openFresh(String portalUrl) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.get(portalUrl);
        driver.manage().deleteAllCookies();
        script("localStorage.clear(); sessionStorage.clear();");
        // The copy buttons' clipboard, readable by the tests: a permission of the page's origin.
        driver.setPermission("clipboard-read", "granted");
        driver.setPermission("clipboard-write", "granted");
        driver.get(portalUrl);
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    public void type(By locator, String text) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element's text contains the expected words; returns the whole text. */
    public String textContaining(By locator, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        return driver.findElement(locator).getText();
    }

    /** Waits until the input has a non-empty value; returns it. */
    public String valueOf(By locator) {
        return wait.until(d -> {
            String value = d.findElement(locator).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
    }

    /** The heading of the view now shown. */
    public String heading() {
        return visible(By.cssSelector("main h1")).getText();
    }

    public void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), text));
    }

    /** Goes to a portal view by its address (#/tokens, ...), as a bookmark would. */
    public void go(String hash) {
        script("location.hash = arguments[0];", hash);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** What the page's copy button put on the clipboard. */
    public String clipboard() {
        Object text = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('clipboard unreadable: ' + e));");
        return String.valueOf(text);
    }

    /** The confirmation dialog: waits for it, checks its question, answers it. */
    public String confirm(boolean yes) {
        WebElement dialog = visible(By.cssSelector("dialog#confirm[open]"));
        String question = dialog.findElement(By.cssSelector("[data-message]")).getText();
        dialog.findElement(By.cssSelector(yes ? "button[value=yes]" : "button[value=no]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog#confirm[open]")));
        return question;
    }

    /** Presses keys on whatever has the focus, as a keyboard user would. */
    public void press(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Tabs forward until the focused element matches, at most 40 times; fails when it never does. */
    public void tabTo(By target) {
        tab(target, Keys.TAB);
    }

    /** Shift+Tab backwards until the focused element matches. */
    public void tabBackTo(By target) {
        tab(target, Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    private void tab(By target, CharSequence key) {
        WebElement wanted = visible(target);
        for (int i = 0; i < 40; i++) {
            if (driver.switchTo().activeElement().equals(wanted)) {
                return;
            }
            press(key);
        }
        throw new AssertionError("The keyboard never reached " + target);
    }

    /** Inputs, selects and text areas the user can reach that have no label: none, in a portal where every form is labelled. */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledControls() {
        return (List<String>) script("return [...document.querySelectorAll('main input, main select, main textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.outerHTML);");
    }

    /**
     * What makes the page wider than the window, so that a phone would have to scroll sideways: none
     * when it fits. (A table inside its own scrolling box does not count: it scrolls, the page does not.)
     */
    @SuppressWarnings("unchecked")
    public List<String> overflowing() {
        return (List<String>) script("const width = document.documentElement.clientWidth;"
                + "if (document.documentElement.scrollWidth <= width) return [];"
                + "const clipped = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {"
                + "  if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };"
                + "const wide = [...document.querySelectorAll('body *')].filter((e) => {"
                + "  const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1 && !clipped(e); })"
                + "  .map((e) => e.outerHTML.slice(0, 160));"
                + "return wide.length ? wide : ['the page is ' + document.documentElement.scrollWidth + 'px wide'];");
    }
}
