package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.disclosure.CountRounding;
import org.jijukirwa.warehouse.testing.ExpectedRounding;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The four pages in real headless Chromium (one browser for the class) over a programme whose figures are
 * worked out by hand: every page draws the API's figures without console errors, filters change the URL
 * and the figures, a copied URL reproduces the view, back and forward work, the CSV download holds the
 * chart's rows, and the language switch changes the labels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest
        extends BrowserPerClassTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("page", warehouse -> programme().publishTo(warehouse));

    /**
     * As of 2020-06-30. District number i (0 to 29, in NISR code order) has formed(i) = 3 + (7i mod 5) cooperatives
     * formed in 2019, of which the first registered(i) = (2i + 1) mod (formed(i) + 1) are registered in 2020; odd-numbered
     * cooperatives are in tailoring, even-numbered in carpentry. So Nyarugenge (i = 0) has 1 of 3 registered, Gasabo
     * (i = 1) 3 of 5, Kicukiro (i = 2) 5 of 7; 150 are formed in all, 84 in tailoring and 66 in carpentry.
     * Members, all born in 1990 (so aged 30, youth), all in registered tailoring cooperatives: Kicukiro's first
     * cooperative has 7 (F, M, F, M, F, M, F), Gasabo's first 3 (M, F, M): Kigali City has 5 women of 10. The public sees
     * the four base cells (Kicukiro F 4, M 3; Gasabo F 1, M 2) each rounded to a multiple of 5 ({@link #publicMembers}).
     */
    static SnapshotFixture programme()
    {
        SnapshotFixture fixture = SnapshotFixture.contractReference("2020-06-30");
        for (int index = 0; index < SnapshotFixture.DISTRICTS.size(); index++) {
            String code = SnapshotFixture.DISTRICTS.get(index).get(0);
            for (int number = 1; number <= formed(index); number++) {
                fixture.cooperative("COOP-%s-%04d".formatted(code, number), code, number % 2 == 1 ? "tailoring" : "carpentry",
                        "2019-0%d-15".formatted(1 + number % 9), number <= registered(index) ? "2020-0%d-20".formatted(1 + number % 6) : null);
            }
        }
        return fixture
                .members("COOP-13-0001", 7, "2019-02-01")
                .members("COOP-12-0001", 3, "2019-03-01");
    }

    /**
     * The public count of one base cell of the fixture's members (aged 16-30, tailoring, all in registered cooperatives,
     * so the unregistered count is 0): the exact count rounded with the formula of docs/disclosure.md, computed in Java.
     */
    private static long publicMembers(String district, String sex, long exact)
    {
        String key = CountRounding.cellKey("membership_stock", "registered",
                Map.of("district", district, "value_chain", "tailoring", "sex", sex, "age_band", "16-30", "has_birth_year", "true"));
        return ExpectedRounding.round(TestUsers.DISCLOSURE_SECRET, key, exact, 5);
    }

    private static String percent(double share)
    {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    private static int formed(int districtIndex)
    {
        return 3 + (7 * districtIndex) % 5;
    }

    private static int registered(int districtIndex)
    {
        return (2 * districtIndex + 1) % (formed(districtIndex) + 1);
    }

    private static int totalRegistered()
    {
        int total = 0;
        for (int index = 0; index < 30; index++) {
            total += registered(index);
        }
        return total;
    }

    @BeforeEach
    void desktopWindow()
    {
        browser.desktop();
    }

    @Test
    void overviewShowsHeadlinesFunnelTrendAndInclusionFromTheApi()
    {
        open("#/overview");

        assertThat(text("#as-of")).isEqualTo("30 June 2020");
        assertThat(text("#snapshot-id")).isEqualTo(api("/api/v1/health").get("snapshot").asText());
        assertThat(text("#tile-formed .tile-value")).isEqualTo("150");
        assertThat(text("#tile-formed .tile-detail")).isEqualTo("Target 870 (29 per district) · 17% reached");
        assertThat(text("#tile-registered .tile-value")).isEqualTo(String.valueOf(totalRegistered()));
        // the public figures: sums of the protected base cells
        long women = publicMembers("Kicukiro", "F", 4) + publicMembers("Gasabo", "F", 1);
        long men = publicMembers("Kicukiro", "M", 3) + publicMembers("Gasabo", "M", 2);
        assertThat(women + men).as("the test secret leaves some members in Kigali City").isPositive();
        assertThat(text("#tile-members .tile-value")).isEqualTo(String.valueOf(women + men));
        assertThat(text("#tile-women .tile-value")).isEqualTo(percent((double) women / (women + men)));
        assertThat(text("#tile-youth .tile-value")).isEqualTo("100.0%");

        // nothing but formation and registration happened in this programme
        assertThat(drawn("funnel").get("")).containsExactly(
                Map.entry("formed", 150.0), Map.entry("trained", 0.0), Map.entry("registered", (double) totalRegistered()),
                Map.entry("bdc", 0.0), Map.entry("union", 0.0));

        Map<String, Double> rateByQuarter = new LinkedHashMap<>();
        api("/api/v1/indicators/formalisation_rate?grain=quarter").get("rows")
                .forEach(row -> rateByQuarter.put(row.get("period").asText(), row.get("value").asDouble()));
        assertThat(drawn("trend").get("Formalisation rate")).isEqualTo(rateByQuarter);
        assertThat(rateByQuarter).containsEntry("2019-Q4", 0.0).containsEntry("2020-Q2", (double) totalRegistered() / 150);

        assertThat(drawn("inclusion").get("Women's share")).containsExactly(Map.entry("Kigali City", (double) women / (women + men)));
        assertThat(drawn("inclusion").get("Youth share")).containsExactly(Map.entry("Kigali City", 1.0));

        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("overview");
        assertFitsPhoneWidth("overview");
    }

    @Test
    void choosingAProvinceChangesTheUrlAndTheFiguresAndBackAndForwardWork()
    {
        open("#/overview");
        new Select(element("#overview-province")).selectByValue("Kigali City");
        awaitView("#/overview?province=Kigali+City");

        assertThat(drawn("funnel").get("")).containsEntry("formed", 15.0).containsEntry("registered", 9.0);
        // by district now: each district's share of its protected counts; a district whose protected count is 0 has no row
        Map<String, Double> expected = new LinkedHashMap<>();
        for (String district : List.of("Gasabo", "Kicukiro")) {
            long women = publicMembers(district, "F", district.equals("Gasabo") ? 1 : 4);
            long all = women + publicMembers(district, "M", district.equals("Gasabo") ? 2 : 3);
            if (all > 0) {
                expected.put(district, (double) women / all);
            }
        }
        assertThat(drawn("inclusion").get("Women's share")).isEqualTo(expected);
        assertThat(element("#inclusion .suppression-note").isDisplayed()).isTrue();
        assertThat(element("#inclusion .suppression-note").getText()).contains("rounded to a multiple of 5").contains("tables add up");
        long women = publicMembers("Kicukiro", "F", 4) + publicMembers("Gasabo", "F", 1);
        long men = publicMembers("Kicukiro", "M", 3) + publicMembers("Gasabo", "M", 2);
        assertThat(text("#tile-women .tile-value")).isEqualTo(percent((double) women / (women + men)));
        assertThat(text("#tile-registered .tile-detail")).isEqualTo("No target set for this selection");
        browser.screenshot("overview-kigali-city");

        browser.driver().navigate().back();
        awaitView("#/overview");
        assertThat(drawn("funnel").get("")).containsEntry("formed", 150.0);
        assertThat(new Select(element("#overview-province")).getFirstSelectedOption().getText()).isEqualTo("All provinces");

        browser.driver().navigate().forward();
        awaitView("#/overview?province=Kigali+City");
        assertThat(drawn("funnel").get("")).containsEntry("formed", 15.0);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void districtsPageRanksEveryDistrictAndACopiedUrlReproducesTheView()
    {
        String view = "#/districts?indicator=coops_formed&compare=Gasabo,Huye";
        open(view);

        Map<String, Double> served = new LinkedHashMap<>();
        api("/api/v1/indicators/coops_formed?by=province,district").get("rows")
                .forEach(row -> served.put(row.get("district").asText(), row.get("value").asDouble()));
        Map<String, Double> ranked = new LinkedHashMap<>();
        drawn("ranking").values().forEach(ranked::putAll);
        assertThat(ranked).hasSize(30).isEqualTo(served);
        assertThat(ranked).containsEntry("Nyarugenge", 3.0).containsEntry("Gasabo", 5.0).containsEntry("Kicukiro", 7.0);
        // grouped by province in NISR order, the largest first within each
        assertThat(drawn("ranking").keySet()).containsExactly("Kigali City", "Southern", "Western", "Northern", "Eastern");
        assertThat(new ArrayList<>(drawn("ranking").get("Kigali City").keySet())).containsExactly("Kicukiro", "Gasabo", "Nyarugenge");

        assertThat(new Select(element("#districts-indicator")).getFirstSelectedOption().getText()).isEqualTo("Cooperatives formed");
        // a count: the programme's total would dwarf two districts, so no reference line
        assertThat(drawn("compare")).containsOnlyKeys("Gasabo", "Huye");
        assertThat(drawn("compare").get("Gasabo")).containsEntry("2020-Q2", 5.0);
        assertThat(element("#cross").getDomAttribute("data-state")).isEqualTo("drawn");
        // the cross table: Gasabo's 5 cooperatives are 3 in tailoring and 2 in carpentry
        assertThat(crossCells("Gasabo")).containsEntry("Tailoring and garment making", "3").containsEntry("Carpentry and joinery", "2");
        browser.screenshot("districts");

        // the same URL in a fresh page (as when pasted into another tab) draws the same view
        browser.driver().get("about:blank");
        open(view);
        Map<String, Double> again = new LinkedHashMap<>();
        drawn("ranking").values().forEach(again::putAll);
        assertThat(again).isEqualTo(ranked);
        assertThat(element("#districts-compare-summary").getText()).isEqualTo("Gasabo, Huye");
        assertThat(browser.consoleProblems()).isEmpty();
        assertFitsPhoneWidth("districts");

        // a rate compares with the programme's own rate
        open("#/districts?indicator=formalisation_rate&compare=Gasabo,Huye");
        assertThat(drawn("compare")).containsOnlyKeys("Gasabo", "Huye", "Whole programme");
    }

    @Test
    void districtPageShowsProgressToTargetTrendAndValueChains()
    {
        open("#/district/Gasabo");

        assertThat(text("h1")).isEqualTo("Gasabo");
        List<WebElement> tiles = browser.driver().findElements(By.cssSelector("#progress .tile"));
        assertThat(tiles.get(0).findElement(By.cssSelector(".tile-value")).getText()).isEqualTo("5");
        assertThat(tiles.get(0).findElement(By.cssSelector(".tile-detail")).getText()).isEqualTo("Target 29 (29 per district) · 17% reached");
        assertThat(drawn("place-trend").get("Gasabo")).containsEntry("2020-Q2", 0.6);
        assertThat(drawn("place-trend").get("Kigali City")).containsEntry("2020-Q2", 0.6);
        // Gasabo's tailoring cooperatives are numbers 1, 3, 5 (1 and 3 registered); carpentry 2 and 4 (2 registered)
        assertThat(drawn("place-breakdown").get("")).containsOnly(Map.entry("tailoring", 2.0 / 3), Map.entry("carpentry", 0.5));
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("district-gasabo");
    }

    @Test
    void valueChainsPageComparesValueChains()
    {
        open("#/value-chains?indicator=coops_formed");
        assertThat(drawn("ranking").get("")).containsExactly(Map.entry("tailoring", 84.0), Map.entry("carpentry", 66.0));
        assertThat(browser.driver().findElements(By.cssSelector("#ranking-table tbody tr"))).hasSize(2);
        assertThat(crossCells("Tailoring and garment making")).containsEntry("Kigali City", "9");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("value-chains");
        assertFitsPhoneWidth("value-chains");

        open("#/value-chain/carpentry");
        assertThat(text("h1")).isEqualTo("Carpentry and joinery");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("value-chain-carpentry");
    }

    @Test
    void exploreShowsChartTableDefinitionAndDownloadLinksOfTheQuery()
    {
        open("#/explore?indicator=coops_formed&by=value_chain&province=Kigali City");

        assertThat(drawn("explore").get("")).containsOnly(Map.entry("tailoring", 9.0), Map.entry("carpentry", 6.0));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#explore-figures tbody tr"));
        assertThat(rows).extracting(WebElement::getText)
                .containsExactly("Carpentry and joinery 6", "Tailoring and garment making 9");
        assertThat(text(".explore-aside .definition-exact code")).isEqualTo("cooperatives that exist at D");
        // "About this figure": the answer's lineage, under the chart
        WebElement lineage = element("#explore-lineage");
        lineage.findElement(By.tagName("summary")).click();
        assertThat(lineage.getText()).contains("About this figure", "cooperatives that exist at D", "count(*)",
                api("/api/v1/health").get("snapshot").asText(), "Exact figures (no rounding applied)");
        assertThat(element("#explore-download-csv").getDomAttribute("href"))
                .isEqualTo("/api/v1/export/coops_formed.csv?by=value_chain&province=Kigali+City");
        assertThat(element("#explore-download-json").getDomAttribute("href"))
                .isEqualTo("/api/v1/export/coops_formed.json?by=value_chain&province=Kigali+City");

        // choosing a grain turns the chart into a time series and puts it in the URL
        new Select(element("#explore-grain")).selectByValue("quarter");
        awaitView("#/explore?indicator=coops_formed&by=value_chain&province=Kigali+City&grain=quarter");
        assertThat(drawn("explore").get("Tailoring and garment making")).containsEntry("2019-Q4", 9.0);
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("explore");
        assertFitsPhoneWidth("explore");
    }

    @Test
    void csvDownloadHoldsTheRowsOfTheChart()
            throws IOException
    {
        open("#/districts?indicator=formalisation_rate");
        Map<String, Double> served = new LinkedHashMap<>();
        api("/api/v1/indicators/formalisation_rate?by=province,district").get("rows")
                .forEach(row -> served.put(row.get("district").asText(), row.get("value").asDouble()));

        WebElement link = element("#ranking-csv");
        String href = link.getDomAttribute("href");
        assertThat(href).isEqualTo("/api/v1/export/formalisation_rate.csv?by=province,district");
        // the export endpoint when it exists; the chart's own rows (made in the browser) when it answers 404
        long status = (Long) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status), () => done(-1));", href);
        assertThat(status).isIn(200L, 404L);

        link.click();
        // saved under the export endpoint's name: indicator, breakdown, as-of date and snapshot
        Path file = browser.awaitDownload("formalisation_rate_by-province-district_as-of-2020-06-30_" + api("/api/v1/health").get("snapshot").asText() + ".csv", WAIT);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int district = header.indexOf("district");
        int value = header.indexOf("value");
        Map<String, Double> downloaded = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] cells = line.split(",");
                downloaded.put(cells[district], Double.parseDouble(cells[value]));
            }
        }
        assertThat(downloaded).hasSize(30);
        served.forEach((name, rate) -> assertThat(downloaded.get(name)).as(name).isCloseTo(rate, within(1e-9)));
        assertThat(downloaded.get("Gasabo")).isCloseTo(0.6, within(1e-9));

        element("#ranking-png").click();
        Path png = browser.awaitDownload("formalisation_rate-by-district.png", WAIT);
        byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(signature).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void tableViewOpensFromTheKeyboard()
    {
        open("#/districts?indicator=formalisation_rate");
        WebElement toggle = element("#ranking .toolbar button[aria-controls='ranking-table']");
        assertThat(element("#ranking-table").isDisplayed()).isFalse();
        toggle.sendKeys(Keys.ENTER);
        assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(element("#ranking-table").isDisplayed()).isTrue();
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#ranking-table tbody tr"));
        assertThat(rows).hasSize(30);
        assertThat(rows).extracting(WebElement::getText).contains("Kigali City Gasabo 3 5 60.0%");
    }

    @Test
    void languageSwitchChangesTheLabels()
    {
        open("#/overview");
        assertThat(text("#nav-overview")).isEqualTo("Overview");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");

        new Select(element("#language")).selectByValue("fr");
        awaitView("#/overview?lang=fr");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(text("#nav-overview")).isEqualTo("Vue d'ensemble");
        assertThat(text("#funnel-title")).isEqualTo("L'entonnoir de formalisation");
        assertThat(text("#tile-formed .tile-label")).isEqualTo("Coopératives formées");
        assertThat(text("#as-of")).isEqualTo("30 juin 2020");
        assertThat(drawn("inclusion")).containsKey("Part des femmes");
        browser.screenshot("overview-fr");

        new Select(element("#language")).selectByValue("rw");
        awaitView("#/overview?lang=rw");
        assertThat(text("#nav-overview")).isEqualTo("Incamake");
        assertThat(text("#tile-formed .tile-label")).isEqualTo("Amakoperative yashinzwe");
        assertThat(drawn("inclusion")).containsKey("Umugabane w'abagore");
        browser.screenshot("overview-rw");

        // the language follows the links to the other pages
        element("#nav-districts").click();
        awaitView("#/districts?lang=rw");
        assertThat(text("h1")).isEqualTo("Uturere");
        assertThat(new Select(element("#districts-indicator")).getFirstSelectedOption().getText()).isEqualTo("Igipimo cy'ivugururwa");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    // ---- helpers ----

    /** Loads the page at a hash and waits until every chart, tile and table of the view has settled. */
    private void open(String hash)
    {
        browser.driver().get(server.url() + "/" + hash);
        awaitView(hash);
    }

    private void awaitView(String hash)
    {
        String expected = hash.replace(" ", "%20");
        new WebDriverWait(browser.driver(), WAIT).until(driver -> {
            Object state = ((JavascriptExecutor) driver).executeScript(
                    "return [location.hash, document.body.dataset.rendered, document.body.dataset.view]");
            List<?> values = (List<?>) state;
            return sameHash(String.valueOf(values.get(0)), expected) && sameHash(String.valueOf(values.get(1)), expected) && "ready".equals(values.get(2));
        });
    }

    /** The cells of one row of the cross table: column heading -> text. */
    private Map<String, String> crossCells(String rowHeading)
    {
        List<String> headings = browser.driver().findElements(By.cssSelector("#cross thead th")).stream().map(WebElement::getText).toList();
        Map<String, String> cells = new LinkedHashMap<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#cross tbody tr"))) {
            List<WebElement> parts = row.findElements(By.cssSelector("th, td"));
            if (parts.get(0).getText().equals(rowHeading)) {
                for (int index = 1; index < parts.size(); index++) {
                    cells.put(headings.get(index).replace('\n', ' '), parts.get(index).getText());
                }
            }
        }
        return cells;
    }

    /** At 375 px (a phone) the page scrolls only vertically; saves a screenshot of it. */
    private void assertFitsPhoneWidth(String name)
    {
        browser.screenshot(name + "-phone", 375);
        Object width = ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width at 375 px").isLessThanOrEqualTo(375);
        browser.desktop();
    }


    private JsonNode api(String uri)
    {
        return server.api().get(uri).json();
    }
}
