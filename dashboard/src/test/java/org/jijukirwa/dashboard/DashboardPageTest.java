package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first page in real headless Chromium over a programme with cooperatives in all 30 districts. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest
        implements TestPropertyProvider
{
    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient httpClient;

    private Browser browser;

    @Override
    public Map<String, String> getProperties()
    {
        try {
            Path warehouse = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "warehouse-page-");
            everyDistrict().publishTo(warehouse);
            return TestUsers.properties(warehouse);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * District number i (0 to 29, in NISR code order) has 3 + (7i mod 5) cooperatives formed in 2019, of which
     * (2i + 1) mod (formed + 1) are registered: so Nyarugenge (i = 0) has 1 of 3 registered, Gasabo (i = 1)
     * 3 of 5, Kicukiro (i = 2) 5 of 7.
     */
    static SnapshotFixture everyDistrict()
    {
        SnapshotFixture fixture = SnapshotFixture.asOf("2020-06-30");
        for (int index = 0; index < SnapshotFixture.DISTRICTS.size(); index++) {
            String code = SnapshotFixture.DISTRICTS.get(index).get(0);
            int formed = 3 + (7 * index) % 5;
            int registered = (2 * index + 1) % (formed + 1);
            for (int number = 1; number <= formed; number++) {
                fixture.cooperative("COOP-%s-%04d".formatted(code, number), code, "tailoring", "2019-0%d-15".formatted(1 + number % 9),
                        number <= registered ? "2020-0%d-20".formatted(1 + number % 6) : null);
            }
        }
        return fixture;
    }

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

    @Test
    void chartDrawsTheFormalisationRateOfEveryDistrictWithoutConsoleErrors()
    {
        browser.driver().get(server.getURL() + "/");
        WebElement chart = browser.driver().findElement(By.id("district-chart"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> !"loading".equals(chart.getDomAttribute("data-state")));
        assertThat(chart.getDomAttribute("data-state")).isEqualTo("drawn");

        Map<String, Double> drawn = new LinkedHashMap<>();
        ApiClient.json(chart.getDomAttribute("data-drawn")).forEach(bar -> drawn.put(bar.get("district").asText(), bar.get("value").asDouble()));
        Map<String, Double> served = new LinkedHashMap<>();
        new ApiClient(httpClient).get("/api/v1/indicators/formalisation_rate?by=district").json().get("rows")
                .forEach(row -> served.put(row.get("district").asText(), row.get("value").asDouble()));

        assertThat(drawn).hasSize(30).isEqualTo(served);
        // worked out by hand from the fixture
        assertThat(drawn).containsEntry("Nyarugenge", 1.0 / 3).containsEntry("Gasabo", 0.6).containsEntry("Kicukiro", 5.0 / 7);
        // sorted so that the highest rate is the top bar (the last category of a horizontal axis)
        List<Double> values = new ArrayList<>(drawn.values());
        assertThat(values).isSorted();

        assertThat(browser.driver().findElement(By.id("as-of")).getText()).isEqualTo("30 June 2020");
        assertThat(browser.driver().findElement(By.id("district-chart-status")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#district-table tr"))).hasSize(30);

        browser.screenshot("dashboard");

        // hovering the top bar (the highest rate) shows its tooltip, built from class names only so that the
        // Content-Security-Policy has nothing to refuse
        String topDistrict = new ArrayList<>(drawn.keySet()).get(drawn.size() - 1);
        int width = chart.getRect().getWidth();
        int height = chart.getRect().getHeight();
        new Actions(browser.driver()).moveToElement(chart, -width / 2 + 160, -height / 2 + 20).pause(Duration.ofMillis(600)).perform();
        WebElement tooltip = new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(driver -> driver.findElements(By.cssSelector(".chart-tooltip")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(tooltip.getText()).startsWith(topDistrict).contains("cooperatives registered");
        browser.screenshot("dashboard-tooltip");

        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void programmeWideRateMatchesTheTotalAnswer()
    {
        browser.driver().get(server.getURL() + "/");
        WebElement total = browser.driver().findElement(By.id("total-rate"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> !total.getText().equals("…"));

        JsonNode row = new ApiClient(httpClient).get("/api/v1/indicators/formalisation_rate").json().get("rows").get(0);
        String expected = "%.1f%%".formatted(row.get("value").asDouble() * 100);
        assertThat(total.getText()).isEqualTo(expected);
        assertThat(browser.driver().findElement(By.id("total-detail")).getText())
                .isEqualTo("%d of %d cooperatives registered".formatted(row.get("numerator").asInt(), row.get("denominator").asInt()));
    }
}
