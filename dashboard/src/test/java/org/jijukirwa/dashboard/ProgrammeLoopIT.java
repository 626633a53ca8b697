package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programme's loop in real Chromium over the bundled sample (ingested first, as the demo does): upload a small
 * export with a bad row, watch the run (a real ingest JVM started by the run queue) publish, see the figure change,
 * open the quarantine, download the bad row (the file Chromium saves from the page's link), correct it, upload it, see it
 * accepted and the quarantine row resolved. The browser is signed in through the sign-in form (the session cookie).
 */
class ProgrammeLoopIT
        extends BrowserPerClassTest
{
    private static final Path SAMPLES = IngestProcess.REPOSITORY.resolve("data-samples");
    private static final Duration RUN_WAIT = Duration.ofMinutes(6);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Three new cooperatives formed in June 2020; the second names a district that does not exist. */
    private static final String EXPORT = """
            cooperative_id,cooperative_name,district,value_chain,formed_on
            COOP-UPL-0001,Upload One,Gasabo,tailoring,2020-06-01
            COOP-UPL-0002,Upload Two,Kigali North,tailoring,2020-06-02
            COOP-UPL-0003,Upload Three,Huye,carpentry,2020-06-03
            """;

    private static final Path KEY = Path.of("target", "programme-loop-hmac.key").toAbsolutePath();

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("programme-loop", warehouse -> {
        Files.writeString(KEY, "programme-loop-test-key");
        Path input = Files.createDirectories(warehouse.resolveSibling(warehouse.getFileName() + "-input"));
        for (String dataset : List.of("cooperatives", "members", "trainings", "coaching")) {
            copyFolder(SAMPLES.resolve(dataset), input.resolve(dataset));
        }
        try {
            IngestProcess.run(List.of("--input", input.toString(), "--warehouse", warehouse.toString(), "--as-of", "2020-12-31",
                    "--hmac-key-file", KEY.toString()), warehouse.resolveSibling(warehouse.getFileName() + "-ingest.log"));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }).withProperty("jijukirwa.ingest.as-of", "2020-12-31")
            .withProperty("jijukirwa.ingest.heap", "1g")
            .withProperty("jijukirwa.ingest.hmac-key-file", KEY.toString());

    @Test
    void uploadWatchTheRunSeeTheFigureCorrectTheRejectedRowAndSeeItAccepted()
            throws Exception
    {
        // signed in through the form: the session cookie and its CSRF token carry every upload of the loop
        open("#/sign-in");
        waitFor(WAIT, () -> !browser.driver().findElements(By.id("sign-in-user")).isEmpty());
        element("#sign-in-user").sendKeys(TestUsers.ADMIN);
        element("#sign-in-password").sendKeys(TestUsers.ADMIN_PASSWORD);
        element("#sign-in-submit").click();
        waitFor(WAIT, () -> !browser.driver().findElements(By.id("signed-in-as")).isEmpty());
        assertThat(browser.driver().manage().getCookieNamed("jijukirwa_session")).isNotNull();
        long formedBefore = formedOnTheOverview();
        assertThat(formedBefore).isEqualTo(coopsFormed());

        // upload a small export with a bad row
        open("#/runs");
        Path export = Files.writeString(Files.createTempDirectory("programme-loop-").resolve("cooperatives_upload.csv"), EXPORT);
        element("#upload-files").sendKeys(export.toString());
        long uploadedAt = System.nanoTime();
        element("#upload-submit").click();
        waitFor(WAIT, () -> "sent".equals(element("#upload-status").getDomAttribute("data-state")));
        long figureChangedAt = waitForFigure(formedBefore + 2, uploadedAt);
        System.out.printf("upload to figure change on the bundled sample: %.1f s%n", (figureChangedAt - uploadedAt) / 1e9);

        // the run page shows it published, with the report: read 3 = accepted 2 + quarantined 1
        WebElement run = waitForNewestRun("published");
        WebElement fileRow = run.findElement(By.cssSelector("tr[data-file$='cooperatives_upload.csv']"));
        assertThat(fileRow.getText()).contains("read 3 = accepted 2 + quarantined 1").contains("unknown_district: 1");
        browser.screenshot("programme-runs");
        assertThat(formedOnTheOverview()).isEqualTo(formedBefore + 2);

        // the quarantine holds the bad row, in plain words; download it
        open("#/quarantine");
        new Select(element("#quarantine-dataset")).selectByValue("cooperatives");
        waitFor(WAIT, () -> "ready".equals(element("#quarantine-rows").getDomAttribute("data-state")) && !element("#quarantine-reason").findElements(By.cssSelector("option[value='unknown_district']")).isEmpty());
        new Select(element("#quarantine-reason")).selectByValue("unknown_district");
        WebElement badRow = waitForQuarantineRow("COOP-UPL-0002");
        assertThat(badRow.getText()).contains("The district is not one of the 30 districts.").contains("To correct");
        browser.screenshot("programme-quarantine");
        // the counts, by dataset, file and reason: the uploaded file has one unknown district; only that file's rows
        WebElement count = element("#quarantine-counts tr[data-file$='cooperatives_upload.csv'][data-reason='unknown_district']");
        assertThat(count.getText()).endsWith(" 1");
        String uploadedFile = count.getDomAttribute("data-file");
        count.findElement(By.cssSelector("button")).click();
        waitFor(WAIT, () -> "ready".equals(element("#quarantine-rows").getDomAttribute("data-state"))
                && uploadedFile.equals(new Select(element("#quarantine-file")).getFirstSelectedOption().getDomAttribute("value")));
        assertThat(browser.driver().findElements(By.cssSelector("#quarantine-rows tbody tr td:nth-child(2) code")))
                .isNotEmpty().allSatisfy(file -> assertThat(file.getDomProperty("textContent")).isEqualTo(uploadedFile));
        // the page's link, clicked: Chromium downloads the file (into the browser's download folder) with the session cookie
        String link = element("#quarantine-csv").getDomAttribute("href");
        assertThat(link).isEqualTo("/api/v1/quarantine/export.csv?dataset=cooperatives&file=" + java.net.URLEncoder.encode(uploadedFile, StandardCharsets.UTF_8));
        String snapshot = server.api().get("/api/v1/health").json().get("snapshot").asText();
        element("#quarantine-csv").click();
        Path downloaded = browser.awaitDownload("cooperatives-quarantine-" + snapshot + ".csv", WAIT);
        List<String> lines = Files.readAllLines(downloaded, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("cooperative_id,cooperative_name,district,sector,value_chain,formed_on,");
        String bad = lines.stream().filter(line -> line.startsWith("COOP-UPL-0002,")).findFirst().orElseThrow();

        // correct it and upload it from the quarantine page
        Path corrected = Files.createTempDirectory("programme-loop-fix-").resolve(downloaded.getFileName().toString());
        Files.write(corrected, List.of(lines.get(0), bad.replaceFirst(",Kigali North,", ",Gasabo,")), StandardCharsets.UTF_8);
        element("#fix-upload-files").sendKeys(corrected.toString());
        element("#fix-upload-submit").click();
        waitFor(WAIT, () -> "sent".equals(element("#fix-upload-status").getDomAttribute("data-state")));
        waitForFigure(formedBefore + 3, System.nanoTime());

        // accepted: the run's report, the figure, and the quarantine row resolved
        open("#/runs");
        WebElement fixRun = waitForNewestRun("published");
        assertThat(fixRun.findElement(By.cssSelector("tr[data-file$='" + corrected.getFileName() + "']")).getText())
                .contains("read 1 = accepted 1 + quarantined 0");
        assertThat(formedOnTheOverview()).isEqualTo(formedBefore + 3);
        open("#/quarantine");
        new Select(element("#quarantine-dataset")).selectByValue("cooperatives");
        waitFor(WAIT, () -> "ready".equals(element("#quarantine-rows").getDomAttribute("data-state")) && !element("#quarantine-reason").findElements(By.cssSelector("option[value='unknown_district']")).isEmpty());
        new Select(element("#quarantine-reason")).selectByValue("unknown_district");
        WebElement resolved = waitForQuarantineRow("COOP-UPL-0002");
        assertThat(resolved.getDomAttribute("data-resolved")).isEqualTo("true");
        assertThat(resolved.getText()).contains("Resolved");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /** Loads the page anew at that hash (a hash change alone would keep the page's cached answers). */
    private void open(String hash)
    {
        browser.driver().get("about:blank");
        browser.driver().get(server.url() + "/" + hash);
        // the shell draws the view once it has the session and the reference data: wait for that view
        waitFor(WAIT, () -> hash.equals(((JavascriptExecutor) browser.driver()).executeScript("return document.body.dataset.rendered")));
    }

    private long formedOnTheOverview()
    {
        open("#/overview");
        waitFor(WAIT, () -> "ready".equals(element("#tile-formed").getDomAttribute("data-state")));
        return Long.parseLong(text("#tile-formed .tile-value").replaceAll("[^0-9]", ""));
    }

    /** The cooperatives formed by the as-of date, from the API (managers see them unsuppressed). */
    private long coopsFormed()
    {
        JsonNode answer = server.api().get("/api/v1/indicators/coops_formed", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json();
        return answer.get("rows").get(0).get("value").asLong();
    }

    /** Waits until the served figure is {@code expected}; returns when it was seen. */
    private long waitForFigure(long expected, long since)
    {
        long deadline = since + RUN_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (coopsFormed() == expected) {
                return System.nanoTime();
            }
            sleep(200);
        }
        throw new AssertionError("coops_formed did not become " + expected + " within " + RUN_WAIT + "; runs: "
                + server.api().get("/api/v1/run-queue", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).body());
    }

    private WebElement waitForNewestRun(String state)
    {
        waitFor(RUN_WAIT, () -> {
            List<WebElement> runs = browser.driver().findElements(By.cssSelector("#run-queue > li.run"));
            return !runs.isEmpty() && state.equals(runs.get(0).getDomAttribute("data-state"))
                    && !runs.get(0).findElements(By.cssSelector("table.run-report")).isEmpty();
        });
        return browser.driver().findElements(By.cssSelector("#run-queue > li.run")).get(0);
    }

    private WebElement waitForQuarantineRow(String key)
    {
        waitFor(WAIT, () -> "ready".equals(element("#quarantine-rows").getDomAttribute("data-state"))
                && browser.driver().findElements(By.cssSelector("#quarantine-rows tbody tr")).stream().anyMatch(row -> row.getText().contains(key)));
        return browser.driver().findElements(By.cssSelector("#quarantine-rows tbody tr")).stream().filter(row -> row.getText().contains(key))
                .findFirst().orElseThrow();
    }

    private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition)
    {
        new WebDriverWait(browser.driver(), timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyFolder(Path from, Path to)
            throws IOException
    {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
