package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Before the first snapshot the API answers 503, and the page says so instead of drawing nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageUnavailableTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.overEmptyWarehouse("empty");

    @Test
    void pageShowsTheApisErrorMessage()
            throws IOException
    {
        try (Browser browser = Browser.start()) {
            browser.driver().get(server.url() + "/#/districts");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(driver -> "error".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-view")));

            WebElement message = browser.driver().findElement(By.id("failure-message"));
            assertThat(message.isDisplayed()).isTrue();
            assertThat(message.getText()).isEqualTo("The figures could not be loaded: No data has been published yet: the first ingest run has not finished.");
            assertThat(browser.driver().findElement(By.id("as-of")).getText()).isEqualTo("unavailable");
            assertThat(browser.driver().findElement(By.id("snapshot")).getDomAttribute("data-state")).isEqualTo("error");
            browser.screenshot("dashboard-unavailable");
            // the browser reports the 503 answers themselves, and nothing else
            assertThat(browser.consoleProblems()).allSatisfy(problem -> assertThat(problem).contains("503"));
        }
    }
}
