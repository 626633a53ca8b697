package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
