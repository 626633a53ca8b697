package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class of pages in one real browser: started before the class's first test, closed after its last; with the
 * ways of reading the page that the page tests share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserPerClassTest
{
    Browser browser;

    @BeforeAll
    void startBrowser()
            throws IOException
    {
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser()
            throws IOException
    {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Signs in as a person does: the sign-in page's form, then the header naming the user. The session cookie (and its
     * CSRF token, which the page keeps) carries every later request of this browser until {@link #signOut()}.
     */
    void signInThroughTheForm(URL server, String user, String password)
    {
        browser.driver().get("about:blank");
        browser.driver().get(server + "/#/sign-in");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(driver -> "#/sign-in".equals(((JavascriptExecutor) driver).executeScript("return document.body.dataset.rendered"))
                && !driver.findElements(By.id("sign-in-user")).isEmpty());
        element("#sign-in-user").sendKeys(user);
        element("#sign-in-password").sendKeys(password);
        element("#sign-in-submit").click();
        wait.withMessage(() -> "not signed in as " + user + ": " + browser.consoleProblems())
                .until(driver -> !driver.findElements(By.id("signed-in-as")).isEmpty());
        assertThat(browser.driver().manage().getCookieNamed("jijukirwa_session")).as("the session cookie").isNotNull();
    }

    /** Forgets the session: the browser no longer sends its cookie. */
    void signOut()
    {
        browser.driver().manage().deleteAllCookies();
    }

    WebElement element(String css)
    {
        return browser.driver().findElement(By.cssSelector(css));
    }

    String text(String css)
    {
        return element(css).getText();
    }

    /** Whether two location hashes are the same once percent-decoded. */
    static boolean sameHash(String actual, String expected)
    {
        return URLDecoder.decode(actual, StandardCharsets.UTF_8).equals(URLDecoder.decode(expected, StandardCharsets.UTF_8));
    }

    /** What a chart drew, read back from ECharts: series name -> category key -> value (null for a hidden cell). */
    Map<String, Map<String, Double>> drawn(String cardId)
    {
        WebElement chart = element("#" + cardId + "-chart");
        assertThat(chart.getDomAttribute("data-state")).as(cardId).isEqualTo("drawn");
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        for (JsonNode series : ApiClient.json(chart.getDomAttribute("data-drawn"))) {
            Map<String, Double> points = new LinkedHashMap<>();
            series.get("points").forEach(point -> points.put(point.get("key").asText(),
                    point.get("value").isNull() ? null : point.get("value").asDouble()));
            figures.put(series.get("series").asText(), points);
        }
        return figures;
    }
}
