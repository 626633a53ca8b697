package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Signing in through the page in real headless Chromium, over {@link DashboardPageTest#programme}: in Kigali City by
 * district, the public view hides Gasabo's 3 members (a small cell) and Kicukiro's 7 with it, so women's share shows
 * no figure for either; a manager sees 1 woman of 3 in Gasabo and 4 of 7 in Kicukiro.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInPageTest
        extends BrowserPerClassTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KIGALI = "#/overview?province=Kigali+City";

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("sign-in-page", warehouse -> DashboardPageTest.programme().publishTo(warehouse));

    /** Each test starts signed out, with a page loaded afresh and the console's earlier messages read away. */
    @BeforeEach
    void signedOut()
    {
        browser.desktop();
        browser.driver().get(server.url() + "/api/v1/health");
        browser.driver().manage().deleteAllCookies();
        browser.consoleProblems();
    }

    @Test
    void aManagerSignsInThroughTheFormSeesExactFiguresAndSignsOut()
    {
        open(KIGALI);
        assertThat(text("#figures-view")).isEqualTo("Protected figures");
        assertThat(text("#privacy-line")).isEqualTo("Counts of people are rounded to multiples of 5 to protect privacy.");
        // the public's shares are made of counts rounded to multiples of 5 (docs/disclosure.md): not the exact 1/3 and 4/7
        Map<String, Double> publicShare = drawn("inclusion").get("Women's share");
        assertThat(publicShare).doesNotContainEntry("Gasabo", 1.0 / 3).doesNotContainEntry("Kicukiro", 4.0 / 7);
        assertThat(element("#inclusion .suppression-note").isDisplayed()).isTrue();

        element("#sign-in-link").click();
        awaitView("#/sign-in");
        browser.screenshot("sign-in");
        signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        awaitView("#/overview");
        assertThat(text("#signed-in-as")).isEqualTo("Signed in as maria (manager)");
        assertThat(text("#figures-view")).isEqualTo("Exact figures");
        // the privacy line is the public's: a manager's figures are exact
        assertThat(browser.driver().findElements(By.id("privacy-line"))).isEmpty();
        assertThat(text("#footer p")).doesNotContain("rounded");
        assertThat(browser.driver().findElements(By.id("nav-audit"))).as("the audit log is for admins").isEmpty();
        browser.screenshot("signed-in-manager");

        open(KIGALI);
        Map<String, Double> managerShare = drawn("inclusion").get("Women's share");
        assertThat(managerShare.get("Gasabo")).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(managerShare.get("Kicukiro")).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(browser.driver().findElements(By.cssSelector("#inclusion .suppression-note")).stream().filter(note -> note.isDisplayed()).toList()).isEmpty();

        element("#sign-out").click();
        awaitView("#/overview");
        assertThat(browser.driver().findElements(By.id("signed-in-as"))).isEmpty();
        assertThat(text("#figures-view")).isEqualTo("Protected figures");
        assertThat(text("#privacy-line")).contains("rounded");
        open(KIGALI);
        assertThat(drawn("inclusion").get("Women's share")).isEqualTo(publicShare);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void anAdminSeesTheAuditLogWithTheirOwnSignIn()
    {
        open("#/sign-in");
        signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        awaitView("#/overview");
        assertThat(text("#signed-in-as")).isEqualTo("Signed in as ange (admin)");

        element("#nav-audit").click();
        awaitView("#/audit");

        List<String> firstRow = browser.driver().findElements(By.cssSelector("#audit-table tbody tr:first-child td")).stream().map(cell -> cell.getText()).toList();
        assertThat(firstRow.get(1)).isEqualTo("ange");
        assertThat(firstRow.get(2)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(firstRow.subList(3, 5)).containsExactly("Signed in", "sign-in form");
        browser.screenshot("audit-log");
    }

    @Test
    void aPublicVisitorAtTheAuditPageIsToldToSignIn()
    {
        open("#/audit");

        assertThat(element("#access-notice").getDomAttribute("data-reason")).isEqualTo("sign-in-needed");
        assertThat(text("#access-notice h2")).isEqualTo("Sign in needed");
        assertThat(browser.driver().findElements(By.id("audit-table"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("nav-audit"))).isEmpty();
        element("#access-sign-in").click();
        awaitView("#/sign-in?then=audit");
    }

    @Test
    void wrongPasswordsAreRefusedAndThenLockTheName()
    {
        open("#/sign-in");
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(TestUsers.VISITOR, "wrong-" + attempt);
            awaitMessage("401");
            assertThat(text("#sign-in-message")).isEqualTo("The user name or password is wrong.");
        }

        signIn(TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD);
        awaitMessage("429");

        // 30 seconds, or a second less when the lock was taken before the browser drew the message
        assertThat(text("#sign-in-message")).matches("Too many wrong passwords: signing in is locked\\. Try again in (29|30) seconds\\.");
        assertThat(browser.driver().findElements(By.id("signed-in-as"))).isEmpty();
        browser.screenshot("sign-in-locked");
    }

    private void signIn(String user, String password)
    {
        element("#sign-in-user").clear();
        element("#sign-in-user").sendKeys(user);
        element("#sign-in-password").clear();
        element("#sign-in-password").sendKeys(password);
        element("#sign-in-submit").click();
    }

    /** Waits for the form's answer to a submission: the message marked with the HTTP status, and the button usable again. */
    private void awaitMessage(String status)
    {
        new WebDriverWait(browser.driver(), WAIT).until(driver -> status.equals(element("#sign-in-message").getDomAttribute("data-status"))
                && element("#sign-in-submit").isEnabled());
        ((JavascriptExecutor) browser.driver()).executeScript("delete document.getElementById('sign-in-message').dataset.status");
    }

    private void open(String hash)
    {
        browser.driver().get(server.url() + "/" + hash);
        awaitView(hash);
    }

    private void awaitView(String hash)
    {
        new WebDriverWait(browser.driver(), WAIT).until(driver -> {
            List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(
                    "return [location.hash, document.body.dataset.rendered, document.body.dataset.view]");
            return sameHash(String.valueOf(values.get(0)), hash) && sameHash(String.valueOf(values.get(1)), hash) && "ready".equals(values.get(2));
        });
    }
}
