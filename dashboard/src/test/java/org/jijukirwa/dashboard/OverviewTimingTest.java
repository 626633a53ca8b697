package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Times the Overview page from navigation to every chart and tile drawn, over the realistic programme
 * (about 800 cooperatives, 10,000 members). A measurement, not a check: it runs only when asked,
 * {@code ./mvnw -q -pl dashboard -am test -Dtest=OverviewTimingTest -Doverview.timing.runs=9 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewTimingTest
{
    private static final String RUNS = "overview.timing.runs";

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("timing", warehouse -> {
        if (System.getProperty(RUNS) != null) {
            SnapshotFixture.realisticProgramme(2019).publishTo(warehouse);
        }
    });

    @Test
    void overviewDrawsEveryChart()
            throws IOException
    {
        assumeTrue(System.getProperty(RUNS) != null, "a measurement: set -D" + RUNS + "=N to run it");
        int runs = Integer.parseInt(System.getProperty(RUNS));
        List<Long> times = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (int run = 0; run <= runs; run++) {
                browser.driver().get("about:blank");
                browser.driver().get(server.url() + "/#/overview");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(driver -> "ready".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-view")));
                long drawnAt = Long.parseLong(browser.driver().findElement(By.tagName("body")).getDomAttribute("data-ready-at"));
                Object charts = ((JavascriptExecutor) browser.driver()).executeScript("return document.querySelectorAll('.chart[data-state=\"drawn\"]').length");
                assertThat(((Number) charts).intValue()).isEqualTo(3);
                // the first load warms the server's JIT and DuckDB; it is reported apart
                if (run == 0) {
                    System.out.println("overview first load: " + drawnAt + " ms");
                }
                else {
                    times.add(drawnAt);
                }
            }
            assertThat(browser.consoleProblems()).isEmpty();
        }
        List<Long> sorted = times.stream().sorted().toList();
        System.out.println("overview navigation to all charts drawn, " + runs + " runs (ms): " + times + ", median " + sorted.get(sorted.size() / 2));
    }
}
