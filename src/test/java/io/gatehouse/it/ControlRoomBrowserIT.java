package io.gatehouse.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static io.gatehouse.it.Gatehouse.ADMIN_EMAIL;
import static io.gatehouse.it.Gatehouse.ADMIN_PASSWORD;
import static io.gatehouse.it.Gatehouse.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin in a real browser: the control room's users, OAuth clients, security settings and audit log. */
class ControlRoomBrowserIT extends AgainstServer {

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void atTheSignInPage() {
        browser.openFresh(http.url("/"));
    }

    private void signIn(String email, String password) {
        browser.waitForHeading("Sign in");
        browser.type(By.id("sign-in-email"), email);
        browser.type(By.id("sign-in-password"), password);
        browser.click(By.cssSelector("form[data-form=sign-in] button[type=submit]"));
        browser.waitForHeading("My account");
    }

    private void openControlRoom(String tab, String heading) {
        browser.click(By.linkText("Control room"));
        browser.click(By.linkText(tab));
        browser.waitForHeading(heading);
    }

    /** The table row whose cells include this exact text. */
    private WebElement rowWith(String text) {
        return browser.visible(By.xpath("//tbody[@data-rows]/tr[td[normalize-space()='" + text + "']]"));
    }

    private void clickIn(WebElement row, String button) {
        row.findElement(By.xpath(".//button[starts-with(normalize-space(), '" + button + "')]")).click();
    }

    private Reply clientToken(String clientId, String secret) {
        return http.post("/oauth/v2/token")
                .form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).send();
    }

    @Test
    void anAdminCreatesAUserThenLocksUnlocksResetsAndSignsThemOut() {
        String email = uniqueEmail("room");
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        openControlRoom("Users", "Users");

        browser.type(By.id("user-email"), email);
        browser.type(By.id("user-name"), "Robin <b>Room</b>");
        browser.type(By.id("user-password"), "robins-first-password");
        browser.click(By.cssSelector("form[data-form=create-user] button[type=submit]"));

        browser.textContaining(By.cssSelector("[data-notice]"), "User " + email + " was created with ID");
        assertEquals(200, gatehouse.login(email, "robins-first-password").status(), "a real user was made");
        WebElement row = rowWith(email);
        assertTrue(row.getText().contains("Robin <b>Room</b>"), "the name is text: " + row.getText());
        assertTrue(row.getText().contains("active"), row.getText());

        clickIn(row, "Lock");
        assertTrue(browser.confirm(true).contains("Lock " + email));
        browser.until(d -> rowWith(email).getText().contains("locked"));
        assertEquals(401, gatehouse.login(email, "robins-first-password").status(), "locked out");

        clickIn(rowWith(email), "Unlock");
        browser.until(d -> rowWith(email).getText().contains("active"));
        String session = gatehouse.sessionKey(email, "robins-first-password");

        clickIn(rowWith(email), "Reset password");
        browser.type(By.id("reset-password"), "short");
        browser.click(By.cssSelector("dialog[data-dialog=reset-password] button[type=submit]"));
        browser.textContaining(By.id("reset-password-error"), "password must be 8 to 1024 characters");
        browser.type(By.id("reset-password"), "robins-second-password");
        browser.click(By.cssSelector("dialog[data-dialog=reset-password] button[type=submit]"));
        browser.textContaining(By.cssSelector("[data-notice]"), "was reset");
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + session).send().status(), "the reset signed them out");
        assertEquals(401, gatehouse.login(email, "robins-first-password").status());
        session = gatehouse.sessionKey(email, "robins-second-password");

        clickIn(rowWith(email), "Sign out everywhere");
        browser.confirm(true);
        browser.textContaining(By.cssSelector("[data-notice]"), "was signed out everywhere");
        assertEquals(401, http.get("/api/1/users/me?sesskey=" + session).send().status());

        String apiKey = http.get("/api/1/users/me/apikey").basicAuth(email, "robins-second-password").send().data().getString("apikey");
        assertEquals(200, http.get("/api/1/users/me?apikey=" + apiKey).send().status(), "sign out everywhere keeps the API key");
        clickIn(rowWith(email), "Compromised");
        assertTrue(browser.confirm(true).contains("Treat " + email + " as compromised"));
        browser.textContaining(By.cssSelector("[data-notice]"), "their API key and application tokens too");
        assertEquals(401, http.get("/api/1/users/me?apikey=" + apiKey).send().status(), "the compromised action ends it");

        browser.type(By.id("find-email"), "nobody-" + email);
        browser.click(By.cssSelector("form[data-form=find-user] button[type=submit]"));
        browser.textContaining(By.cssSelector("[data-rows]"), "No user has the e-mail");
        browser.type(By.id("find-email"), email.toUpperCase());
        browser.click(By.cssSelector("form[data-form=find-user] button[type=submit]"));
        rowWith(email);
    }

    @Test
    void anAdminCreatesAnOAuthClientSeesTheSecretOnceRotatesAndDeletesIt() {
        String name = "Billing service " + System.nanoTime();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        openControlRoom("OAuth clients", "OAuth clients");

        browser.type(By.id("client-name"), name);
        browser.click(By.cssSelector("input[name=grant_types][value=password]"));
        browser.click(By.cssSelector("form[data-form=create-client] button[type=submit]"));

        String secret = browser.valueOf(By.cssSelector(".secret input"));
        WebElement row = rowWith(name);
        String clientId = row.findElement(By.cssSelector("code")).getText();
        assertTrue(row.getText().contains("client_credentials") && row.getText().contains("password"), row.getText());
        assertEquals(200, clientToken(clientId, secret).status(), "the secret shown is the real one");

        clickIn(row, "Rotate secret");
        browser.confirm(true);
        browser.until(d -> {
            String shown = d.findElement(By.cssSelector(".secret input")).getDomProperty("value");
            return !shown.equals(secret) && !shown.isEmpty();
        });
        String rotated = browser.valueOf(By.cssSelector(".secret input"));
        assertNotEquals(200, clientToken(clientId, secret).status(), "the old secret stopped working");
        assertEquals(200, clientToken(clientId, rotated).status());

        clickIn(rowWith(name), "Delete");
        assertTrue(browser.confirm(true).contains("Delete the client " + name));
        browser.textContaining(By.cssSelector("[data-notice]"), "was deleted");
        // The notice comes first, the list is read again after it.
        browser.until(d -> d.findElements(By.xpath("//tbody[@data-rows]/tr[td[normalize-space()='" + name + "']]")).isEmpty());
        assertTrue(browser.driver().findElements(By.cssSelector(".secret")).isEmpty(), "no secret left on the page");
        assertNotEquals(200, clientToken(clientId, rotated).status());
    }

    @Test
    void anAdminTurnsOtpOnAndChangesItsLifetimeAndSeesTheServersRefusalBesideTheField() {
        // Settings outlive a test class (one database per build): start from the defaults, and leave them so.
        String defaults = "{\"otp.enabled\": false, \"otp.ttlMinutes\": 10}";
        assertEquals(200, gatehouse.setSettings(defaults).status());
        try {
            turnOtpOnAndChangeItsLifetime();
        } finally {
            gatehouse.setSettings(defaults);
        }
    }

    private void turnOtpOnAndChangeItsLifetime() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        openControlRoom("Security settings", "Security settings");
        WebElement enabled = browser.visible(By.id("setting-otp-enabled"));
        assertFalse(enabled.isSelected());

        enabled.click();
        browser.type(By.id("setting-otp-ttlMinutes"), "31");
        browser.click(By.cssSelector("form[data-form=settings] button[type=submit]"));

        assertEquals("otp.ttlMinutes must be a whole number from 1 to 30",
                browser.textContaining(By.id("setting-otp-ttlMinutes-error"), "otp.ttlMinutes"));
        JsonObject unchanged = gatehouse.asAdmin(http.get("/api/admin/settings")).send().data();
        assertFalse(unchanged.getBoolean("otp.enabled"), "a refused save changes nothing");
        assertEquals(10, unchanged.getInt("otp.ttlMinutes"));

        browser.type(By.id("setting-otp-ttlMinutes"), "15");
        browser.click(By.cssSelector("form[data-form=settings] button[type=submit]"));

        browser.textContaining(By.cssSelector("form[data-form=settings] [data-notice]"), "Saved");
        JsonObject saved = gatehouse.asAdmin(http.get("/api/admin/settings")).send().data();
        assertTrue(saved.getBoolean("otp.enabled"));
        assertEquals(15, saved.getInt("otp.ttlMinutes"));
        assertEquals("", browser.driver().findElement(By.id("setting-otp-ttlMinutes-error")).getDomProperty("textContent"),
                "the refusal is gone once the value is accepted");

        browser.type(By.id("setting-session-idleMinutes"), "0");
        browser.click(By.cssSelector("form[data-form=settings] button[type=submit]"));
        browser.textContaining(By.id("setting-session-idleMinutes-error"), "session.idleMinutes must be");

        // The organisation of self-registered users must exist: the server says so beside that field.
        browser.type(By.id("setting-session-idleMinutes"), "20");
        assertEquals("0", browser.visible(By.id("setting-otp-newUserPartnerId")).getDomProperty("value"));
        browser.type(By.id("setting-otp-newUserPartnerId"), "2147483000");
        browser.click(By.cssSelector("form[data-form=settings] button[type=submit]"));
        browser.textContaining(By.id("setting-otp-newUserPartnerId-error"), "otp.newUserPartnerId must be the partnerid of an existing");
        assertEquals(0, gatehouse.asAdmin(http.get("/api/admin/settings")).send().data().getInt("otp.newUserPartnerId"));
    }

    @Test
    void anAdminFiltersAndPagesTheAuditLog() {
        // Logins that succeed: failed ones would count against the tests' one address for an hour.
        String target = uniqueEmail("audited");
        gatehouse.createUser(target, "audited-user-password", "Audited");
        for (int i = 0; i < 21; i++) {
            assertEquals(200, gatehouse.login(target, "audited-user-password").status());
        }
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        openControlRoom("Audit log", "Audit log");
        browser.type(By.id("audit-username"), target);
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("audit-outcome"))).selectByValue("success");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("audit-max"))).selectByValue("20");

        // Events reach the table about a second after they happen: search until all are there.
        browser.until(d -> {
            d.findElement(By.cssSelector("form[data-form=audit] button[type=submit]")).click();
            return d.findElements(By.xpath("//tbody[@data-rows]/tr[td[normalize-space()='" + target + "']]")).size() == 20
                    && !d.findElement(By.cssSelector("[data-page=next]")).getDomProperty("disabled").equals("true");
        });
        assertTrue(rowWith(target).getText().contains("session_login"), rowWith(target).getText());
        browser.textContaining(By.cssSelector("[data-page-label]"), "Events 1 to 20");

        browser.click(By.cssSelector("[data-page=next]"));
        browser.textContaining(By.cssSelector("[data-page-label]"), "Events 21 to 21");
        assertEquals(1, browser.driver().findElements(By.xpath("//tbody[@data-rows]/tr")).size());

        browser.click(By.cssSelector("[data-page=previous]"));
        browser.textContaining(By.cssSelector("[data-page-label]"), "Events 1 to 20");

        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("audit-outcome"))).selectByValue("failure");
        browser.click(By.cssSelector("form[data-form=audit] button[type=submit]"));
        browser.textContaining(By.cssSelector("[data-rows]"), "No events match.");

        browser.type(By.id("audit-userid"), "abc");
        browser.click(By.cssSelector("form[data-form=audit] button[type=submit]"));
        browser.textContaining(By.id("audit-userid-error"), "userid must be a whole number");
    }

    @Test
    void aPlainUserIsNotOfferedTheControlRoomAndCannotOpenIt() {
        String email = uniqueEmail("plain");
        gatehouse.createUser(email, "plain-user-password", "Plain");
        signIn(email, "plain-user-password");

        assertTrue(browser.driver().findElements(By.linkText("Control room")).stream().noneMatch(WebElement::isDisplayed));
        browser.go("#/control/users");

        browser.waitForHeading("My account");
        assertEquals("#/account", browser.script("return location.hash"));
    }

    @Test
    void everyControlRoomFormIsLabelledAndFitsAPhoneScreen() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String[] view : new String[][]{{"#/control/users", "Users"}, {"#/control/clients", "OAuth clients"},
                {"#/control/settings", "Security settings"}, {"#/control/audit", "Audit log"}}) {
            browser.go(view[0]);
            browser.waitForHeading(view[1]);
            browser.until(d -> !d.findElements(By.cssSelector("main tbody tr, main fieldset")).isEmpty());
            assertEquals(List.of(), browser.unlabelledControls(), view[0]);
            assertEquals(List.of(), browser.overflowing(), view[0] + " fits a phone's width");
        }
    }
}
