package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a target in real Chromium and seeing it after the next run: an admin signs in through the form, opens
 * #/targets, is told why a negative target is refused, saves Gasabo's formation target 40 (bundled: 29), runs the
 * ingest with the page's Run now (a real ingest JVM started by the run queue, with no new file: only the reference data
 * changed), and sees the district's target tile say 40 and the lineage name the edited file. A second run with nothing
 * changed finds nothing new.
 */
class TargetsPageIT
        extends BrowserPerClassTest
{
    private static final Path EXAMPLE = IngestProcess.REPOSITORY.resolve("testdata/spec-example/raw");
    private static final Duration RUN_WAIT = Duration.ofMinutes(6);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path KEY = Path.of("target", "targets-page-hmac.key").toAbsolutePath();

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("targets-page", warehouse -> {
        Files.writeString(KEY, "targets-page-test-key");
        try {
            IngestProcess.run(List.of("--input", EXAMPLE.toString(), "--warehouse", warehouse.toString(), "--as-of", "2020-06-30",
                    "--hmac-key-file", KEY.toString()), warehouse.resolveSibling(warehouse.getFileName() + "-ingest.log"));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }).withProperty("jijukirwa.ingest.as-of", "2020-06-30")
            .withProperty("jijukirwa.ingest.heap", "1g")
            .withProperty("jijukirwa.ingest.hmac-key-file", KEY.toString());

    @Test
    void anAdminEditsATargetRunsTheIngestAndSeesTheNewTargetOnTheDistrictsPage()
    {
        String before = server.api().get("/api/v1/health").json().get("snapshot").asText();
        signInThroughTheForm(server.url(), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(element("#nav-targets").getText()).isEqualTo("Targets");
        assertThat(formationTargetOfGasabo()).startsWith("Target 29 ");

        open("#/targets");
        waitFor(WAIT, () -> "ready".equals(element("#targets").getDomAttribute("data-state")));
        assertThat(element("#targets-source").getDomAttribute("data-source")).isEqualTo("bundled");
        assertThat(element("#targets-source").getDomAttribute("data-applied")).isEqualTo("true");
        assertThat(text("#targets-no-period")).startsWith("Targets have no period");
        assertThat(element("#target-coops_formed-12").getDomProperty("value")).isEqualTo("29");
        assertThat(element("#target-coops_registered-programme").getDomProperty("value")).isEqualTo("214");

        // a refused value: the server's sentence, the cell marked
        type("#target-coops_formed-24", "-3");
        element("#targets-save").click();
        waitFor(WAIT, () -> "error".equals(element("#targets-status").getDomAttribute("data-state")));
        assertThat(text("#targets-status")).isEqualTo("Not saved: Target 13 (coops_formed, Huye): -3 is not a plausible target; give a whole number "
                + "from 1 to 100,000, or leave the cell empty for no target.");
        assertThat(element("#target-coops_formed-24").getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("targets-refused");

        type("#target-coops_formed-24", "29");
        type("#target-coops_formed-12", "40");
        element("#targets-save").click();
        waitFor(WAIT, () -> "saved".equals(element("#targets-status").getDomAttribute("data-state")));
        assertThat(text("#targets-status")).startsWith("Saved: the targets apply from the next run.");
        assertThat(element("#targets-source").getDomAttribute("data-applied")).isEqualTo("false");
        JsonNode saved = server.api().get("/api/v1/targets", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json();
        assertThat(saved.get("source").asText()).isEqualTo("edited");
        assertThat(saved.get("edited_by").asText()).isEqualTo(TestUsers.ADMIN);
        // not served before the next run
        assertThat(formationTargetOfGasabo()).startsWith("Target 29 ");

        open("#/targets");
        waitFor(WAIT, () -> "ready".equals(element("#targets").getDomAttribute("data-state")));
        assertThat(element("#target-coops_formed-12").getDomProperty("value")).isEqualTo("40");
        browser.screenshot("targets");
        element("#targets-run-now").click();
        waitFor(WAIT, () -> "#/runs".equals(((JavascriptExecutor) browser.driver()).executeScript("return document.body.dataset.rendered")));
        WebElement run = waitForNewestRun();
        assertThat(run.getDomAttribute("data-state")).as(run.getText()).isEqualTo("published");

        String after = server.api().get("/api/v1/health").json().get("snapshot").asText();
        assertThat(after).isNotEqualTo(before);
        assertThat(formationTargetOfGasabo()).startsWith("Target 40 ");
        JsonNode reference = server.api().get("/api/v1/reference").json();
        assertThat(reference.get("targets").findValues("district")).isNotEmpty();
        assertThat(reference.get("targets").toString()).contains("{\"target\":\"coops_formed\",\"district\":\"Gasabo\",\"district_code\":\"12\",\"value\":40.0}");
        JsonNode answer = server.api().get("/api/v1/indicators/formation_target_attainment?district=Gasabo").json();
        assertThat(answer.get("rows").get(0).get("denominator").asDouble()).isEqualTo(40.0);
        assertThat(server.api().get("/api/v1/targets", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json().get("applied").asBoolean()).isTrue();
        // the new snapshot's lineage names the edited targets file it was built with
        JsonNode referenceFiles = server.api().get("/api/v1/lineage").json().findPath("reference_files");
        assertThat(referenceFiles.toString()).contains("{\"name\":\"targets.csv\",\"sha256\":\"" + saved.get("sha256").asText() + "\"}");

        // nothing changed since: the next run publishes nothing
        server.api().send(HttpRequest.POST("/api/v1/run-queue", "").basicAuth(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD));
        open("#/runs");
        WebElement again = waitForNewestRun();
        assertThat(again.getDomAttribute("data-state")).as(again.getText()).isEqualTo("nothing_new");
        assertThat(server.api().get("/api/v1/health").json().get("snapshot").asText()).isEqualTo(after);
        // the one refusal above is the browser's only complaint
        assertThat(browser.consoleProblems()).singleElement().asString().endsWith("/api/v1/targets - Failed to load resource: the server responded with a status of 400 (Bad Request)");
    }

    /** The target line of Gasabo's formation tile: 'Target 29 · 7% reached'. */
    private String formationTargetOfGasabo()
    {
        open("#/district/Gasabo");
        waitFor(WAIT, () -> "ready".equals(((JavascriptExecutor) browser.driver()).executeScript("return document.body.dataset.view")));
        return text("#progress .tile:first-child .tile-detail");
    }

    private void type(String css, String value)
    {
        WebElement field = element(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Loads the page anew at that hash (a hash change alone would keep the page's cached answers). */
    private void open(String hash)
    {
        browser.driver().get("about:blank");
        browser.driver().get(server.url() + "/" + hash);
        waitFor(WAIT, () -> hash.equals(((JavascriptExecutor) browser.driver()).executeScript("return document.body.dataset.rendered")));
    }

    /** The newest run of the runs page once it has finished. */
    private WebElement waitForNewestRun()
    {
        waitFor(RUN_WAIT, () -> {
            List<WebElement> runs = browser.driver().findElements(By.cssSelector("#run-queue > li.run"));
            return !runs.isEmpty() && List.of("published", "nothing_new", "failed").contains(runs.get(0).getDomAttribute("data-state"));
        });
        return browser.driver().findElements(By.cssSelector("#run-queue > li.run")).get(0);
    }

    private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition)
    {
        new WebDriverWait(browser.driver(), timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "at " + browser.driver().getCurrentUrl() + ": " + ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.getElementById('main')?.innerText?.slice(0, 2000)") + " " + browser.consoleProblems())
                .until(driver -> condition.getAsBoolean());
    }
}
