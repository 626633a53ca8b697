package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly report in real Chromium over {@link DashboardPageTest#programme()} (as of 2020-06-30, Q2 2020): the
 * numbers read back from the rendered page are the API's for the same period and place, the sentences carry them in
 * the page's language, and the PDF the server prints is a PDF whose pages hold the expected sections and text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageTest
        extends BrowserPerClassTest
{
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("report-page", warehouse -> DashboardPageTest.programme()
            // two rejected cooperatives dated in Q2 2020: one in Gasabo, one whose district is the broken field
            .quarantined("cooperatives", "cooperatives/cooperatives.csv", 4, "COOP-12-0099,Gasabo,sewing,2020-05-01",
                    "{cooperative_id='COOP-12-0099', district='Gasabo', formed_on='2020-05-01'}", "[unknown_value_chain]")
            .quarantined("cooperatives", "cooperatives/cooperatives.csv", 5, "COOP-XX-0001,Kigali North,tailoring,2020-04-10",
                    "{cooperative_id='COOP-XX-0001', district='Kigali North', formed_on='2020-04-10'}", "[unknown_district]")
            .publishTo(warehouse));

    @Test
    void theReportShowsTheApisFiguresForThePeriodAndPlace()
    {
        open("/report?period=2020-Q2");

        assertThat(text("#report-title")).isEqualTo("Quarterly report · Q2 2020");
        assertThat(text("#report-place")).isEqualTo("Whole programme");
        JsonNode formation = api("/api/v1/indicators/formation_target_attainment?by=district&as_of=2020-06-30");
        JsonNode registered = api("/api/v1/indicators/coops_registered?by=district&as_of=2020-06-30");
        JsonNode training = api("/api/v1/indicators/training_target_attainment?by=district&from=2020-04-01&to=2020-06-30");
        assertThat(formation.get("rows")).hasSize(30);
        for (JsonNode row : formation.get("rows")) {
            String district = row.get("district").asText();
            List<String> cells = cells("#targets-table", district);
            assertThat(cells.get(1)).as(district).isEqualTo(row.get("numerator").asText());
            assertThat(cells.get(2)).as(district).isEqualTo("29");
            assertThat(cells.get(4)).as(district).isEqualTo(String.valueOf(valueOf(registered, district)));
            assertThat(cells.get(8)).as(district).isEqualTo("3");
            assertThat(cells.get(7)).as(district).isEqualTo(String.valueOf(numeratorOf(training, district)));
        }
        JsonNode registrationTotal = api("/api/v1/indicators/registration_target_attainment?as_of=2020-06-30").get("rows").get(0);
        assertThat(cells("#targets-table", "total")).containsExactly("Total", "150", "870", "17%",
                registrationTotal.get("numerator").asText(), "214", percent(registrationTotal.get("value").asDouble()), "0", "90", "0%");

        // the change from the end of Q1 to the end of Q2: registrations in April to June (hand-counted in DashboardPageTest's rule)
        long registeredAtQ1 = api("/api/v1/indicators/coops_registered?as_of=2020-03-31").get("rows").get(0).get("value").asLong();
        assertThat(cells("#change-table", "registered")).containsExactly("Registered with RCA", String.valueOf(registeredAtQ1),
                registrationTotal.get("numerator").asText(), "+" + (registrationTotal.get("numerator").asLong() - registeredAtQ1));

        Map<String, Double> funnel = new LinkedHashMap<>();
        funnel.put("formed", 150.0);
        funnel.put("trained", 0.0);
        funnel.put("registered", registrationTotal.get("numerator").asDouble());
        funnel.put("bdc", 0.0);
        funnel.put("union", 0.0);
        assertThat(drawn("report-funnel").get("")).isEqualTo(funnel);

        // Gasabo: 5 formed, 3 registered (February, March, April: 2 at the end of Q1), 3 members: a small cell, hidden in words too
        assertThat(summary("Gasabo")).isEqualTo("Gasabo formed 5 of its 29 cooperatives; 3 are registered with RCA, 1 more than at the end of Q1 2020; "
                + "0 of its 3 training sessions were held; the women's and youth shares are not shown.");
        // Nyarugenge: 3 formed, 1 registered in February, no members; in the public view a district without members may
        // also be one whose few members round to 0, so its members are "not shown", never "none yet"
        assertThat(summary("Nyarugenge")).isEqualTo("Nyarugenge formed 3 of its 29 cooperatives; 1 is registered with RCA, as many as at the end of "
                + "Q1 2020; 0 of its 3 training sessions were held; the women's and youth shares are not shown.");

        // formed(i) = 3 + 7i mod 5 of 29: the fewest (3) in Gatsibo, Kamonyi, Musanze, Ngororero, Nyarugenge and Nyaruguru, the first three in name order
        assertThat(text("#ahead")).endsWith("No district has reached its formation target yet.");
        assertThat(browser.driver().findElements(By.cssSelector("#behind li")).stream().map(WebElement::getText).toList())
                .containsExactly("Gatsibo: 10% (3 of 29)", "Kamonyi: 10% (3 of 29)", "Musanze: 10% (3 of 29)");

        // data quality per district in Q2 (a public reader: cooperatives and coaching visits only, people withheld)
        JsonNode quality = api("/api/v1/data-quality?from=2020-04-01&to=2020-06-30");
        assertThat(quality.get("withheld").toString()).isEqualTo("[\"members\",\"trainings\"]");
        int checked = 0;
        for (JsonNode row : quality.get("districts")) {
            if (!row.get("dataset").asText().equals("cooperatives") || row.get("district").isNull()) {
                continue;
            }
            checked++;
            long rows = row.get("accepted_rows").asLong() + row.get("rejected_rows").asLong();
            assertThat(cells("#quality-district-table", row.get("district").asText()).get(1)).as(row.toString())
                    .startsWith(row.get("rejected_rows").asLong() + " of " + rows + " (");
        }
        assertThat(checked).isEqualTo(1);
        assertThat(cells("#quality-district-table", "Gasabo")).containsExactly("Gasabo", "1 of 1 (100.0%)", "–", "The value chain is not in the reference list (1)");
        assertThat(cells("#quality-district-table", "unknown")).containsExactly("Unknown district", "1 of 1 (100.0%)", "–", "The district is not one of the 30 districts (1)");
        assertThat(browser.driver().findElements(By.cssSelector("#quality-district-table thead th")).stream().map(WebElement::getText).toList())
                .containsExactly("District", "Cooperatives", "Coaching visits", "Main reasons");
        assertThat(text("#quality-withheld")).contains("managers only");

        // the last page is the served snapshot's lineage: its id, its runs in order and one row per input file
        JsonNode lineage = api("/api/v1/lineage");
        assertThat(text("#report-snapshot")).isEqualTo(api("/api/v1/health").get("snapshot").asText()).isEqualTo(lineage.get("snapshot").get("id").asText());
        List<String> runs = new ArrayList<>();
        lineage.get("runs").forEach(run -> runs.add(run.get("run").asText()));
        assertThat(browser.driver().findElements(By.cssSelector("#lineage-runs li")).stream().map(item -> item.getAttribute("data-run")).toList())
                .isNotEmpty().isEqualTo(runs);
        assertThat(browser.driver().findElements(By.cssSelector("#runs-table tbody tr"))).hasSize(lineage.get("files").size());
        assertThat(text(".provenance")).contains(lineage.get("protection").get("applied").asBoolean()
                ? "Counts of people rounded to multiples of " + lineage.get("protection").get("k").asInt() : "Exact figures");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("report");
        // its first page as the README shows it (docs/images/report-page.png)
        browser.screenshotOfTop("report-page", 900, 1200);
    }

    @Test
    void theLanguageAndPeriodSwitchesReloadTheReportInThatLanguageAndPeriod()
    {
        open("/report?period=2020-Q2&place=Kigali+City");
        new org.openqa.selenium.support.ui.Select(element("#report-language")).selectByValue("fr");
        awaitReady("lang=fr");

        assertThat(text("#report-title")).isEqualTo("Rapport trimestriel · T2 2020");
        assertThat(summary("Gasabo")).isEqualTo("Gasabo a formé 5 de ses 29 coopératives ; 3 sont enregistrées auprès de la RCA, 1 de plus qu'à la fin de "
                + "T1 2020 ; 0 de ses 3 séances de formation ont eu lieu ; les parts des femmes et des jeunes ne sont pas affichées.");
        assertThat(browser.driver().findElements(By.cssSelector("#targets-table tbody tr"))).hasSize(4); // Kigali City's three districts and the total
        // a province's report: its districts' data quality only, no unknown-district bucket, in French
        assertThat(browser.driver().findElements(By.cssSelector("#quality-district-table tbody tr")).stream().map(row -> row.getAttribute("data-key")).toList())
                .containsExactly("Nyarugenge", "Gasabo", "Kicukiro");
        assertThat(cells("#quality-district-table", "Gasabo").get(1)).matches("\\d+ sur \\d+ \\(.*\\)");

        new org.openqa.selenium.support.ui.Select(element("#report-period")).selectByValue("2020-Q1");
        awaitReady("period=2020-Q1");
        assertThat(text("#report-title")).isEqualTo("Rapport trimestriel · T1 2020");
        assertThat(summary("Gasabo")).startsWith("Gasabo a formé 5 de ses 29 coopératives ; 2 sont enregistrées auprès de la RCA, 2 de plus qu'à la fin de T4 2019 ;");
    }

    @Test
    void thePdfIsAPdfWithTheSectionsOnTheirPages()
            throws IOException, InterruptedException
    {
        // a print takes seconds, more on a busy machine: a client that waits longer than the test client's 10 s
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/report.pdf?period=2020-Q2&lang=en"))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"jijukirwa-report-2020-Q2-programme-en.pdf\"");
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // the print's folder (Chromium's profile and the PDF) was in the server's temporary folder, and is gone
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("report-print-")).toList()).isEmpty();
        }

        List<String> pages = pdfPages(pdf);
        // targets, funnel and change on the first pages; ranking, the district summaries, data quality and the sources each start a page
        assertThat(pages.get(0)).contains("Quarterly report · Q2 2020", "Whole programme", "Targets and actuals", "Gasabo");
        assertThat(pageStarting(pages, "Districts ahead and behind")).isPositive();
        int summaries = pageStarting(pages, "District by district");
        assertThat(String.join("", pages.subList(summaries, pages.size())).replaceAll("\\s+", " "))
                .contains("Gasabo formed 5 of its 29 cooperatives; 3 are registered with RCA, 1 more than at the end of Q1 2020;");
        int quality = pageStarting(pages, "Data quality");
        assertThat(quality).isGreaterThan(summaries);
        int about = pageStarting(pages, "About these figures");
        assertThat(about).isEqualTo(pages.size() - 1).isGreaterThan(quality);
        assertThat(pages.get(about)).contains(api("/api/v1/health").get("snapshot").asText());
        assertThat(pages).as("the pages' first lines: %s", pages.stream().map(page -> page.strip().lines().findFirst().orElse("")).toList())
                .hasSize(EXPECTED_PAGES);
    }

    /**
     * The pages' first lines, measured once and read on the PDF: the title and targets; the funnel and change; the ranking
     * (a new page); the shares with the topics; the coaching table (30 rows, kept whole on a page of its own); two pages
     * of district summaries (a new page); data quality (a new page); the sources (a new page, the last).
     */
    private static final int EXPECTED_PAGES = 9;

    private void open(String path)
    {
        browser.driver().get(server.url() + path);
        awaitReady(path);
    }

    private void awaitReady(String urlPart)
    {
        new WebDriverWait(browser.driver(), WAIT).until(driver -> driver.getCurrentUrl().contains(urlPart)
                && "ready".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-view")));
    }

    private JsonNode api(String path)
    {
        return server.api().get(path).json();
    }

    /** The cells of the table row with this key, as the page shows them. */
    private List<String> cells(String tableCss, String key)
    {
        WebElement row = element(tableCss + " tbody tr[data-key=\"" + key + "\"]");
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    private String summary(String district)
    {
        return text(".summary[data-key=\"" + district + "\"]");
    }

    private static long valueOf(JsonNode answer, String district)
    {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("district").asText().equals(district)) {
                return row.get("value").asLong();
            }
        }
        return 0;
    }

    private static long numeratorOf(JsonNode answer, String district)
    {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("district").asText().equals(district)) {
                return row.get("numerator").asLong();
            }
        }
        return 0;
    }

    private static String percent(double share)
    {
        return Math.round(share * 100) + "%";
    }

    /** The index of the first page whose text begins with the heading (the section starts a page), or -1. */
    private static int pageStarting(List<String> pages, String heading)
    {
        for (int index = 0; index < pages.size(); index++) {
            if (pages.get(index).strip().startsWith(heading)) {
                return index;
            }
        }
        return -1;
    }

    /** The text of each page, by Debian's pdftotext (poppler-utils), which ends each page with a form feed. */
    private static List<String> pdfPages(byte[] pdf)
            throws IOException, InterruptedException
    {
        Path file = Files.createTempFile(Path.of("target"), "report-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("pdftotext: " + text).isZero();
            List<String> pages = List.of(text.split("\f", -1));
            // the text ends with the last page's form feed
            return pages.get(pages.size() - 1).isBlank() ? pages.subList(0, pages.size() - 1) : pages;
        }
        finally {
            Files.deleteIfExists(file);
        }
    }
}
