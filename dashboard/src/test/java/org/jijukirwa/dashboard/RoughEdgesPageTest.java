package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rough edges seen in screenshots, in real headless Chromium: the value-chain page names its value chain (legend,
 * subtitle), Kinyarwanda pages write Kinyarwanda dates, the date field follows the language and refuses what is not a
 * date, at 375 px legends wrap and labels keep apart, downloads say what they hold and where it comes from, and the
 * privacy texts state the served k. The server runs with k = 3, so that a hard-coded 5 shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoughEdgesPageTest
        extends BrowserPerClassTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int PHONE_WIDTH = 375;
    private static final String ENGLISH_MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December)";

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("rough-edges", warehouse -> programme().publishTo(warehouse))
            .withProperty("jijukirwa.warehouse.suppression-threshold", "3");

    /**
     * {@link DashboardPageTest#programme} (as of 2020-06-30; Kigali City's 10 members, 5 of them women) and members in
     * every other province, alternately women and men: Nyanza 6 and Gisagara 2 (Southern: 4 women of 8), Karongi 6
     * (Western), Rulindo 6 (Northern), Rwamagana 8 (Eastern); women's share is 50% in each province. With k = 3 the
     * public sees these counts rounded to multiples of 3 from their base cells (docs/disclosure.md).
     */
    private static SnapshotFixture programme()
    {
        return DashboardPageTest.programme()
                .members("COOP-21-0001", 6, "2019-03-01")
                .members("COOP-22-0001", 2, "2019-03-01")
                .members("COOP-31-0001", 6, "2019-03-01")
                .members("COOP-41-0001", 6, "2019-03-01")
                .members("COOP-51-0001", 8, "2019-03-01");
    }

    @BeforeEach
    void desktopWindow()
    {
        browser.desktop();
    }

    @Test
    void valueChainPageNamesItsValueChainInTheLegendAndTheSubtitle()
    {
        open("#/value-chain/tailoring?indicator=formalisation_rate");
        assertThat(drawn("place-trend").keySet()).containsExactly("Tailoring and garment making", "Whole programme");
        assertThat(text("#place-trend .card-subtitle")).isEqualTo("This value chain in every district, with the whole programme for comparison");
        assertThat(layout("place-trend").texts()).contains("Tailoring and garment making").doesNotContain("tailoring");
        screenshotOf("#place-trend", "rough-edges-value-chain-trend");

        open("#/value-chain/tailoring?indicator=formalisation_rate&lang=rw");
        assertThat(drawn("place-trend").keySet()).doesNotContain("tailoring").hasSize(2);
        assertThat(text("#place-trend .card-subtitle")).isEqualTo("Uru runigi nyongeragaciro mu turere twose, hamwe na porogaramu yose ngo bigereranywe")
                .doesNotContainIgnoringCase("intara");

        // a count is drawn alone: nothing to compare with, and the subtitle promises none
        open("#/value-chain/tailoring?indicator=coops_formed");
        assertThat(drawn("place-trend").keySet()).containsExactly("Tailoring and garment making");
        assertThat(text("#place-trend .card-subtitle")).isEqualTo("This value chain in every district, by quarter");

        // a district's trend still compares with its province
        open("#/district/Gasabo?indicator=formalisation_rate");
        assertThat(drawn("place-trend").keySet()).containsExactly("Gasabo", "Kigali City", "Whole programme");
        assertThat(text("#place-trend .card-subtitle")).isEqualTo("With its province and the whole programme for comparison");
        open("#/district/Gasabo?indicator=coops_formed");
        assertThat(drawn("place-trend").keySet()).containsExactly("Gasabo");
        assertThat(text("#place-trend .card-subtitle")).isEqualTo("By quarter");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void kinyarwandaPagesWriteDatesInKinyarwanda()
    {
        open("#/overview?lang=rw");
        assertThat(text("#as-of")).isEqualTo("30 Kamena 2020");
        assertThat(text("#overview-as-of-hint")).isEqualTo("Bisanzwe: 30 Kamena 2020");
        assertThat(text("body")).doesNotContainPattern(ENGLISH_MONTHS);

        open("#/district/Gasabo?lang=rw");
        assertThat(text(".page-note")).contains("30 Kamena 2020");
        assertThat(text("body")).doesNotContainPattern(ENGLISH_MONTHS);

        open("#/overview?lang=fr");
        assertThat(text("#as-of")).isEqualTo("30 juin 2020");
        open("#/overview");
        assertThat(text("#as-of")).isEqualTo("30 June 2020");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void dateFieldFollowsTheLanguageAndRefusesWhatIsNotADate()
    {
        open("#/overview?lang=fr");
        WebElement field = element("#overview-as-of");
        assertThat(field.getDomAttribute("type")).isEqualTo("text");
        assertThat(field.getDomAttribute("placeholder")).isEqualTo("aaaa-mm-jj");
        assertThat(text("#overview-as-of-hint")).isEqualTo("Par défaut : 30 juin 2020");

        field.sendKeys("2020-3-31", Keys.ENTER);
        awaitView("#/overview?lang=fr&as_of=2020-03-31");
        assertThat(element("#overview-as-of").getDomProperty("value")).isEqualTo("2020-03-31");
        assertThat(text("#overview-as-of-hint")).isEqualTo("31 mars 2020");
        screenshotOf("form.filters", "rough-edges-date-field-fr");

        // the American order, a day that does not exist, and a date after the snapshot change nothing and say why
        for (String typed : List.of("03/31/2020", "2020-02-30", "2020-07-01")) {
            WebElement again = element("#overview-as-of");
            again.sendKeys(Keys.chord(Keys.CONTROL, "a"), typed, Keys.ENTER);
            assertThat(currentHash()).as(typed).isEqualTo("#/overview?lang=fr&as_of=2020-03-31");
            assertThat(again.getDomAttribute("aria-invalid")).as(typed).isEqualTo("true");
            assertThat(text("#overview-as-of-hint")).as(typed).isEqualTo("Écrivez la date sous la forme aaaa-mm-jj, au plus tard le 30 juin 2020.");
        }
        screenshotOf("form.filters", "rough-edges-date-field-invalid");

        // emptying the field goes back to the default date
        element("#overview-as-of").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.ENTER);
        awaitView("#/overview?lang=fr");

        open("#/overview?lang=rw&as_of=2020-03-31");
        assertThat(element("#overview-as-of").getDomAttribute("placeholder")).isEqualTo("umwaka-ukwezi-umunsi");
        assertThat(text("#overview-as-of-hint")).isEqualTo("31 Werurwe 2020");
        open("#/explore?indicator=training_sessions");
        assertThat(element("#explore-from").getDomAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
        assertThat(text("#explore-to-hint")).isEqualTo("Default: 30 June 2020");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void atPhoneWidthLegendsWrapAndLabelsKeepApart()
    {
        browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
        open("#/overview");
        // up to five provinces, two shares each: the bar labels cannot all fit side by side in 375 px; a province is drawn
        // when its public (protected) count of women and men is not 0
        List<String> provinces = new ArrayList<>();
        api("/api/v1/indicators/women_share?by=province").get("rows").forEach(row -> provinces.add(row.get("province").asText()));
        assertThat(provinces).hasSizeGreaterThan(2);
        assertThat(drawn("inclusion").get("Women's share")).containsOnlyKeys(provinces);
        assertLaidOutApart("trend");
        assertLaidOutApart("inclusion");
        screenshotOf("#trend", "rough-edges-phone-trend");
        screenshotOf("#inclusion", "rough-edges-phone-inclusion");

        open("#/districts?indicator=formalisation_rate&compare=Gasabo,Huye,Musanze,Nyanza,Karongi");
        assertLaidOutApart("ranking");
        assertLaidOutApart("compare");
        screenshotOf("#ranking", "rough-edges-phone-ranking");
        screenshotOf("#compare", "rough-edges-phone-compare");
        Object width = ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);

        // the fifteen value chains' long names leave the bars more than a third of the chart (unfitted, about a tenth)
        open("#/value-chains?indicator=formalisation_rate");
        assertLaidOutApart("ranking");
        screenshotOf("#ranking", "rough-edges-phone-value-chains");
        Layout ranking = layout("ranking");
        assertThat(ranking.plot().width()).isGreaterThan(ranking.width() / 3.0);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void downloadedPngCarriesTheTitleAboveAndTheSourceBelow()
            throws IOException
    {
        open("#/districts?indicator=formalisation_rate");
        Map<?, ?> size = (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const chart = document.getElementById('ranking-chart'); return { width: chart.clientWidth, height: chart.clientHeight };");
        int chartWidth = ((Number) size.get("width")).intValue();
        int chartHeight = ((Number) size.get("height")).intValue();

        element("#ranking-png").click();
        BufferedImage image = ImageIO.read(browser.awaitDownload("formalisation_rate-by-district.png", WAIT).toFile());
        Files.copy(browser.downloads().resolve("formalisation_rate-by-district.png"), screenshotFolder().resolve("rough-edges-download.png"),
                StandardCopyOption.REPLACE_EXISTING);
        // drawn at twice the CSS size: the chart, a band of at least a title and a subtitle line above, a footer line below
        assertThat(image.getWidth()).isEqualTo(2 * chartWidth);
        int header = 2 * (16 + 24 + 18 + 8);
        int footer = 2 * (10 + 17 + 16);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(2 * chartHeight + header + footer);
        assertThat(darkPixels(image, 0, header)).as("title text above the chart").isGreaterThan(200);
        assertThat(inkedPixels(image, image.getHeight() - footer, image.getHeight())).as("footer text below the chart").isGreaterThan(200);
        // the margins stay white
        assertThat(inkedPixels(image, 0, 2 * 10)).isZero();
        assertThat(inkedPixels(image, image.getHeight() - 2 * 10, image.getHeight())).isZero();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void downloadedCsvIsNamedAfterItsQueryAndCarriesItsSource()
            throws IOException
    {
        String snapshot = api("/api/v1/health").get("snapshot").asText();

        // the export endpoint's file keeps the name the endpoint gives it: indicator, breakdown, date, snapshot
        open("#/districts?indicator=formalisation_rate");
        element("#ranking-csv").click();
        Path exported = browser.awaitDownload("formalisation_rate_by-province-district_as-of-2020-06-30_" + snapshot + ".csv", WAIT);
        assertThat(Files.readAllLines(exported, StandardCharsets.UTF_8).get(0)).startsWith("province,district,");

        // a chart with no single query (the funnel) is written in the browser: the same kind of name, the source on every row
        open("#/overview");
        element("#funnel-csv").click();
        Path made = browser.awaitDownload("formalisation-funnel_as-of-2020-06-30_" + snapshot + ".csv", WAIT);
        List<String> lines = Files.readAllLines(made, StandardCharsets.UTF_8);
        String source = server.url() + "/#/overview";
        assertThat(lines.get(0)).isEqualTo("stage,indicator,cooperatives,rate_of_formed,suppression,as_of,snapshot,source");
        assertThat(lines.get(1)).isEqualTo("formed,coops_formed,150,1,,2020-06-30," + snapshot + "," + source);
        assertThat(lines.subList(1, lines.size())).hasSize(5).allSatisfy(line -> assertThat(line).endsWith(",2020-06-30," + snapshot + "," + source));
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void privacyTextsStateTheServedThreshold()
    {
        JsonNode threshold = api("/api/v1/reference").get("small_cell_threshold");
        open("#/overview?province=Southern");
        // the chart draws the public answer: shares of counts rounded to multiples of 3
        Map<String, Double> shares = new LinkedHashMap<>();
        api("/api/v1/indicators/women_share?by=district&province=Southern").get("rows").forEach(row -> {
            assertThat(row.get("denominator").asLong() % 3).isZero();
            shares.put(row.get("district").asText(), row.get("value").asDouble());
        });
        assertThat(drawn("inclusion").get("Women's share")).isEqualTo(shares);
        WebElement note = element("#inclusion .suppression-note");
        assertThat(note.isDisplayed()).isTrue();
        String footer = text("#footer p");
        if (threshold != null && threshold.isInt()) {
            assertThat(threshold.asInt()).isEqualTo(3);
            assertThat(note.getText()).contains("rounded to a multiple of 3");
            assertThat(footer).contains("rounded to multiples of 3");
        }
        else {
            // a server that does not say k: the texts name no number rather than a wrong one
            assertThat(note.getText()).contains("counts of people are rounded here").doesNotContainPattern("\\d");
            assertThat(footer).contains("Counts of people are rounded to protect privacy").doesNotContainPattern("\\d");
        }
        assertThat(browser.consoleProblems()).isEmpty();
    }

    // ---- helpers ----

    /** Text boxes and the plot of a chart, as chart-card.js reads them back after drawing. */
    private record Layout(int width, List<Box> boxes, Box plot)
    {
        List<String> texts()
        {
            return boxes.stream().map(Box::text).toList();
        }
    }

    private record Box(String text, double x, double y, double width, double height)
    {
        boolean overlaps(Box other)
        {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }

    private Layout layout(String cardId)
    {
        JsonNode node = ApiClient.json(element("#" + cardId + "-chart").getDomAttribute("data-layout"));
        List<Box> boxes = new ArrayList<>();
        node.get("texts").forEach(text -> boxes.add(box(text, text.get("text").asText())));
        return new Layout(node.get("width").asInt(), boxes, box(node.get("plot"), ""));
    }

    private static Box box(JsonNode node, String text)
    {
        return new Box(text, node.get("x").asDouble(), node.get("y").asDouble(), node.get("width").asDouble(), node.get("height").asDouble());
    }

    /** Every legend item is shown (no pager), above the plot, and no two texts of the chart overlap. */
    private void assertLaidOutApart(String cardId)
    {
        int chartWidth = ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.getElementById(arguments[0]).clientWidth", cardId + "-chart")).intValue();
        new WebDriverWait(browser.driver(), WAIT).until(driver -> layout(cardId).width() == chartWidth);
        Layout layout = layout(cardId);
        assertThat(layout.texts()).as(cardId + ": a paged legend's pager").noneMatch(text -> text.matches("\\d+/\\d+"));
        List<String> seriesNames = drawn(cardId).keySet().stream().filter(name -> !name.isEmpty()).toList();
        if (seriesNames.size() > 1) {
            for (String name : seriesNames) {
                List<Box> items = layout.boxes().stream().filter(box -> box.text().equals(name)).toList();
                assertThat(items).as(cardId + " legend item " + name).isNotEmpty();
                assertThat(items).allSatisfy(item -> {
                    assertThat(item.x() + item.width()).as(name + " within the chart").isLessThanOrEqualTo(chartWidth);
                    assertThat(item.y() + item.height()).as(name + " above the plot").isLessThanOrEqualTo(layout.plot().y());
                });
            }
        }
        List<Box> boxes = layout.boxes();
        for (int first = 0; first < boxes.size(); first++) {
            for (int second = first + 1; second < boxes.size(); second++) {
                assertThat(boxes.get(first).overlaps(boxes.get(second)))
                        .as("%s: \"%s\" and \"%s\" overlap: %s %s", cardId, boxes.get(first).text(), boxes.get(second).text(), boxes.get(first), boxes.get(second))
                        .isFalse();
            }
        }
    }

    private static long darkPixels(BufferedImage image, int fromRow, int toRow)
    {
        return countPixels(image, fromRow, toRow, 100);
    }

    private static long inkedPixels(BufferedImage image, int fromRow, int toRow)
    {
        return countPixels(image, fromRow, toRow, 200);
    }

    /** Pixels in rows fromRow..toRow-1 whose red, green and blue are all below the limit. */
    private static long countPixels(BufferedImage image, int fromRow, int toRow, int limit)
    {
        long count = 0;
        for (int y = Math.max(0, fromRow); y < Math.min(image.getHeight(), toRow); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < limit && ((rgb >> 8) & 0xff) < limit && (rgb & 0xff) < limit) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Saves a screenshot of the element a CSS selector finds under target/screenshots. */
    private void screenshotOf(String css, String name)
    {
        WebElement target = element(css);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", target);
        try {
            Files.copy(target.getScreenshotAs(OutputType.FILE).toPath(), screenshotFolder().resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path screenshotFolder()
            throws IOException
    {
        return Files.createDirectories(Path.of(System.getProperty("screenshot.directory", "target/screenshots")));
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

    private String currentHash()
    {
        return URLDecoder.decode(String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("return location.hash")), StandardCharsets.UTF_8);
    }


    private JsonNode api(String uri)
    {
        return server.api().get(uri).json();
    }
}
