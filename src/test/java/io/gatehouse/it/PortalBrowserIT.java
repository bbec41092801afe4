package io.gatehouse.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user in a real browser: sign in, account, API key, application tokens, password, sign out, an
 * ended session, a forged form from another page, the keyboard alone, a phone's width.
 */
class PortalBrowserIT extends AgainstServer {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String PASSWORD = "portal-user-password";
    /** Rendered as text, it is harmless; parsed as markup it would show an alert and break the page. */
    private static final String HOSTILE = "CI <img src=x onerror=alert(1)><script>alert(2)</script>";

    String email;
    long userId;

    @BeforeEach
    void userAtTheSignInPage() {
        email = uniqueEmail("portal");
        userId = gatehouse.createUser(email, PASSWORD, "Pat Portal");
        browser.openFresh(http.url("/"));
    }

    private void signIn(String password) {
        browser.waitForHeading("Sign in");
        browser.type(By.id("sign-in-email"), email);
        browser.type(By.id("sign-in-password"), password);
        browser.click(By.cssSelector("form[data-form=sign-in] button[type=submit]"));
    }

    private void openUserMenu(String item) {
        browser.click(By.cssSelector("#user-menu summary"));
        browser.click(By.xpath("//details[@id='user-menu']//*[self::a or self::button][normalize-space()='" + item + "']"));
    }

    private String apiKeyFromServer() {
        return apiKeyFromServer(PASSWORD);
    }

    private String apiKeyFromServer(String password) {
        return http.get("/api/1/users/me/apikey").basicAuth(email, password).send().data().getString("apikey");
    }

    private int exchange(String applicationToken) {
        return http.post("/api/v1/authenticate").json("{\"application_token\":\"" + applicationToken + "\"}").send().status();
    }

    @Test
    void aUserSignsInSeesTheirAccountAndSignsOut() {
        signIn("not-the-password");
        assertEquals("Invalid email or password",
                browser.textContaining(By.cssSelector("form[data-form=sign-in] .error"), "Invalid"));

        signIn(PASSWORD);

        browser.waitForHeading("My account");
        assertEquals(email, browser.visible(By.cssSelector("[data-field=email]")).getText());
        assertEquals("Pat Portal", browser.visible(By.cssSelector("[data-field=name]")).getText());
        assertEquals(String.valueOf(userId), browser.visible(By.cssSelector("[data-field=userid]")).getText());
        assertEquals("Pat Portal", browser.visible(By.id("signed-in-name")).getText());
        assertTrue(browser.driver().findElements(By.linkText("Control room")).stream().noneMatch(WebElement::isDisplayed),
                "a plain user is not offered the control room");
        assertTrue(browser.driver().manage().getCookieNamed("sesskey").isHttpOnly());

        openUserMenu("Sign out");

        browser.waitForHeading("Sign in");
        assertEquals("You have signed out.", browser.visible(By.cssSelector("[data-notice]")).getText());
        assertEquals(null, browser.driver().manage().getCookieNamed("sesskey"));
        browser.driver().navigate().refresh();
        browser.waitForHeading("Sign in");
    }

    @Test
    void aUserCopiesTheirApiKeyAndRegeneratesItOnlyAfterConfirming() {
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        openUserMenu("API Key");
        browser.waitForHeading("API Key");
        String shown = browser.valueOf(By.id("apikey-value"));
        assertEquals(apiKeyFromServer(), shown);

        browser.click(By.cssSelector("[data-copy=apikey-value]"));

        browser.textContaining(By.cssSelector("[data-copy=apikey-value]"), "Copied");
        assertEquals(shown, browser.clipboard());

        browser.click(By.cssSelector("[data-action=regenerate]"));
        assertTrue(browser.confirm(false).contains("stops working"), "the question says what happens");
        assertEquals(shown, browser.valueOf(By.id("apikey-value")), "cancelled: the same key");
        assertEquals(shown, apiKeyFromServer());

        browser.click(By.cssSelector("[data-action=regenerate]"));
        browser.confirm(true);

        browser.textContaining(By.cssSelector("[data-notice]"), "A new API key was generated");
        String renewed = browser.valueOf(By.id("apikey-value"));
        assertNotEquals(shown, renewed);
        assertEquals(renewed, apiKeyFromServer());
        assertEquals(401, http.get("/api/1/users/me?apikey=" + shown).send().status(), "the old key stopped working");
        assertEquals(200, http.get("/api/1/users/me?apikey=" + renewed).send().status());
    }

    @Test
    void aUserCreatesAnApplicationTokenSeesItOnceAndRevokesIt() {
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        browser.click(By.linkText("Integrations: Application Tokens"));
        browser.waitForHeading("Application Tokens");
        // Unique: the list shows the whole organisation's tokens, other tests' too.
        String description = HOSTILE + " " + email;

        browser.type(By.id("token-description"), description);
        browser.type(By.id("token-expiry"), "12312030");  // month, day, year: Chromium's en-US date field
        browser.click(By.cssSelector("form[data-form=token] button[type=submit]"));

        String token = browser.valueOf(By.cssSelector(".secret input"));
        browser.click(By.cssSelector(".secret [data-copy]"));
        browser.textContaining(By.cssSelector(".secret [data-copy]"), "Copied");
        assertEquals(token, browser.clipboard());
        assertEquals(200, exchange(token), "the token shown is the real one");
        By row = By.xpath("//tbody[@data-rows]/tr[td[1][normalize-space()='" + description + "']]");
        WebElement listed = browser.visible(row);
        assertTrue(listed.getText().contains("Activated"), listed.getText());
        assertTrue(listed.getText().contains("Pat Portal"), listed.getText());
        assertTrue(listed.getText().contains("2031") || listed.getText().contains("2030"), "expires: " + listed.getText());
        assertEquals(0L, browser.script("return document.querySelectorAll('main img, main script').length"),
                "the description stayed text");
        assertEquals(0L, browser.script("return localStorage.length + sessionStorage.length"), "nothing kept in storage");
        assertFalse(String.valueOf(browser.script("return document.cookie")).contains(token));

        listed.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Revoke')]")).click();
        assertTrue(browser.confirm(true).contains("Revoke the application token"));

        browser.textContaining(By.cssSelector("[data-notice]"), "was revoked");
        browser.until(d -> d.findElement(row).getText().contains("Revoked"));
        assertEquals(401, exchange(token), "a revoked token no longer exchanges");
        assertTrue(browser.driver().findElements(By.cssSelector(".secret")).isEmpty(), "the token is shown only once");
        browser.go("#/account");
        browser.waitForHeading("My account");
        browser.go("#/tokens");
        browser.waitForHeading("Application Tokens");
        assertTrue(browser.driver().findElements(By.cssSelector(".secret")).isEmpty());
    }

    @Test
    void theServersMessageAboutAnApplicationTokenFieldAppearsBesideIt() {
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        browser.go("#/tokens");
        browser.waitForHeading("Application Tokens");
        String yesterday = LocalDate.now().minusDays(2).toString();
        browser.script("document.getElementById('token-expiry').value = arguments[0];", yesterday);

        browser.click(By.cssSelector("form[data-form=token] button[type=submit]"));

        assertEquals("expiry_date must be in the future", browser.textContaining(By.id("token-expiry-error"), "future"));
        assertEquals("true", browser.visible(By.id("token-expiry")).getDomAttribute("aria-invalid"));
        assertTrue(browser.driver().findElements(By.cssSelector(".secret")).isEmpty());
    }

    @Test
    void aUserChangesTheirPasswordAndStaysSignedIn() {
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        openUserMenu("Change password");
        browser.waitForHeading("Change password");

        browser.type(By.id("password-current"), "not-my-password");
        browser.type(By.id("password-new"), "a-brand-new-password");
        browser.type(By.id("password-repeat"), "a-brand-new-password");
        browser.click(By.cssSelector("form[data-form=password] button[type=submit]"));
        assertEquals("current_password is not correct",
                browser.textContaining(By.id("password-current-error"), "not correct"));

        browser.type(By.id("password-current"), PASSWORD);
        browser.type(By.id("password-repeat"), "something-else-entirely");
        browser.click(By.cssSelector("form[data-form=password] button[type=submit]"));
        browser.textContaining(By.id("password-repeat-error"), "differ");

        browser.type(By.id("password-current"), PASSWORD);
        browser.type(By.id("password-new"), "a-brand-new-password");
        browser.type(By.id("password-repeat"), "a-brand-new-password");
        browser.click(By.cssSelector("form[data-form=password] button[type=submit]"));

        browser.textContaining(By.cssSelector("[data-notice]"), "Your password was changed");
        assertEquals(401, gatehouse.login(email, PASSWORD).status());
        assertEquals(200, gatehouse.login(email, "a-brand-new-password").status());
        browser.go("#/apikey");
        browser.waitForHeading("API Key");
        assertEquals(apiKeyFromServer("a-brand-new-password"), browser.valueOf(By.id("apikey-value")),
                "still signed in, under the new key");
    }

    @Test
    void anEndedSessionBringsTheUserBackToSignInWithAMessage() {
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        // What an idle timeout does to the session, done at once: an admin signs the user out everywhere.
        assertEquals(200, gatehouse.asAdmin(http.post("/api/admin/users/" + userId + "/revoke")).send().status());

        browser.click(By.linkText("Integrations: Application Tokens"));

        browser.waitForHeading("Sign in");
        assertTrue(browser.textContaining(By.cssSelector("[data-notice]"), "session").contains("sign in again"));
        browser.driver().navigate().refresh();  // the cookie of the ended session is still there
        browser.waitForHeading("Sign in");
        browser.textContaining(By.cssSelector("[data-notice]"), "Your session has expired");

        signIn(PASSWORD);
        browser.waitForHeading("Application Tokens");  // back where the user was going
    }

    /**
     * CSRF in the real browser: a page on another origin of the same site (another port of 127.0.0.1,
     * so SameSite=Lax still sends the cookie) posts a form to the API key endpoint.
     */
    @Test
    void aFormOnAnotherSitesPageCannotRegenerateTheApiKey() throws IOException {
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        String before = apiKeyFromServer();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!DOCTYPE html><title>Win</title><form method=post action='" + http.url("/api/1/users/me/apikey")
                + "'><button id=win>Win a prize</button></form>").getBytes(StandardCharsets.UTF_8);
        evil.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        evil.start();
        try {
            browser.driver().get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            browser.click(By.id("win"));
            // The answer is a new document: read it once the browser has moved to it, not the prize page's
            // body while it goes away (Chrome then reports an inspector error rather than a stale element).
            browser.until(ExpectedConditions.urlContains("/api/1/users/me/apikey"));

            assertTrue(browser.textContaining(By.tagName("body"), "Cross-origin request refused").contains("\"success\":false"));
        } finally {
            evil.stop(0);
        }
        assertEquals(before, apiKeyFromServer(), "the key did not change");
        browser.driver().get(http.url("/#/apikey"));
        browser.waitForHeading("API Key");
        assertEquals(before, browser.valueOf(By.id("apikey-value")), "and the user is still signed in");
    }

    @Test
    void theKeyboardAloneSignsInAndReachesTheApiKey() {
        browser.waitForHeading("Sign in");
        browser.until(d -> "sign-in-email".equals(d.switchTo().activeElement().getDomAttribute("id")));
        browser.press(email, Keys.TAB);
        browser.press(PASSWORD, Keys.ENTER);
        browser.waitForHeading("My account");

        // The view's heading has the focus; the user menu is just before it.
        browser.tabBackTo(By.cssSelector("#user-menu summary"));
        browser.press(Keys.ENTER);
        browser.tabTo(By.linkText("API Key"));
        // Escape closes the menu and gives the focus back to its button; Enter opens it again.
        browser.press(Keys.ESCAPE);
        browser.until(d -> d.findElement(By.id("user-menu")).getDomAttribute("open") == null
                && "summary".equalsIgnoreCase(d.switchTo().activeElement().getTagName()));
        browser.press(Keys.ENTER);
        browser.tabTo(By.linkText("API Key"));
        browser.press(Keys.ENTER);
        browser.waitForHeading("API Key");
        browser.valueOf(By.id("apikey-value"));
        browser.tabTo(By.cssSelector("[data-copy=apikey-value]"));
        browser.press(Keys.ENTER);

        browser.textContaining(By.cssSelector("[data-copy=apikey-value]"), "Copied");
    }

    @Test
    void everyFormIsLabelledAndFitsAPhoneScreen() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.waitForHeading("Sign in");
        assertEquals(List.of(), browser.unlabelledControls());
        assertEquals(List.of(), browser.overflowing(), "the sign-in page fits");
        signIn(PASSWORD);
        browser.waitForHeading("My account");
        for (String[] view : new String[][]{{"#/account", "My account"}, {"#/apikey", "API Key"},
                {"#/tokens", "Application Tokens"}, {"#/password", "Change password"}}) {
            browser.go(view[0]);
            browser.waitForHeading(view[1]);
            assertEquals(List.of(), browser.unlabelledControls(), view[0]);
            assertEquals(List.of(), browser.overflowing(), view[0] + " fits a phone's width");
        }
        openUserMenu("Sign out");
        browser.waitForHeading("Sign in");
    }
}
