package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.CooperativeStoryFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cooperative's page and the list behind a cell in real headless Chromium, over {@link CooperativeStoryFixture}: the
 * search leads to the page, whose figures are the API's and the hand-worked ones; the public page has no counts of
 * people; a manager (signed in through the sign-in form) sees the members and the list behind a
 * district's cell, sortable, with the stuck cooperative flagged.
 */
class CooperativePagesTest
        extends BrowserPerClassTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("cooperative-pages", warehouse -> CooperativeStoryFixture.cooperatives().publishTo(warehouse));

    @BeforeEach
    void desktopWindow()
    {
        browser.desktop();
    }

    @AfterEach
    void forgetTheSession()
    {
        signOut();
    }

    @Test
    void searchLeadsToTheCooperativesPageWithTheApisFigures()
    {
        open("#/cooperatives");
        element("#cooperative-search-input").sendKeys("abakundakazi");
        element("#cooperative-search-submit").click();
        awaitView("#/cooperatives?q=abakundakazi");
        List<WebElement> results = browser.driver().findElements(By.cssSelector("#cooperative-results .result-list a"));
        assertThat(results).extracting(result -> result.getDomAttribute("data-id")).containsExactly("COOP-GAS-0001");
        results.get(0).click();
        awaitView("#/cooperative/COOP-GAS-0001");

        JsonNode profile = server.api().get("/api/v1/cooperatives/COOP-GAS-0001").json();
        assertThat(text("#page-title")).isEqualTo(CooperativeStoryFixture.NAME).isEqualTo(profile.get("name").asText());
        assertThat(text("#cooperative-district")).isEqualTo("Gasabo");
        List<String> reached = new ArrayList<>();
        for (WebElement step : browser.driver().findElements(By.cssSelector("#cooperative-funnel li"))) {
            reached.add(step.getDomAttribute("data-step") + " " + step.getDomAttribute("data-reached-on"));
        }
        List<String> fromApi = new ArrayList<>();
        profile.get("funnel").forEach(step -> fromApi.add(step.get("step").asText() + " " + (step.get("reached_on").isNull() ? "" : step.get("reached_on").asText())));
        assertThat(reached).isEqualTo(fromApi).containsExactly("formed 2019-02-10", "trained 2019-03-20", "applied 2019-04-01", "registered 2019-05-20",
                "bdc_linked 2019-09-01", "union_affiliated ");
        // 2019-04-01 -> 2019-05-20 is 49 days, 99 days after forming
        assertThat(text("#cooperative-funnel li[data-step='registered'] .timeline-days")).isEqualTo("49 days after the previous step · day 99");
        assertThat(text("#cooperative-funnel li[data-step='union_affiliated'] .timeline-days")).isEqualTo("Not yet");
        assertThat(browser.driver().findElements(By.cssSelector("#cooperative-trainings tbody tr"))).hasSize(2);
        assertThat(text("#cooperative-trainings tbody tr:first-child")).contains("20 March 2019", "TRN-12-01");
        assertThat(drawn("cooperative-visits").get("Maturity score").values()).containsExactly(40.0, 65.0);
        // the public page has no counts of people, and says who sees them
        assertThat(browser.driver().findElements(By.id("cooperative-members"))).isEmpty();
        assertThat(text("#cooperative-members-note")).contains("programme staff");
        assertThat(text("#cooperative-trainings thead")).doesNotContain("Attendees");
        assertThat(browser.driver().findElements(By.id("stuck-flags"))).isEmpty();
        browser.screenshot("cooperative-public");
    }

    @Test
    void aManagerSeesTheMembersOverTime()
    {
        signInAsManager();
        open("#/cooperative/COOP-GAS-0001");

        JsonNode members = server.api().get("/api/v1/cooperatives/COOP-GAS-0001", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json().get("members");
        List<Double> fromApi = new ArrayList<>();
        members.forEach(count -> fromApi.add(count.get("members_active").asDouble()));
        // MEM-2 left on 2019-12-15, MEM-3 joined on 2020-01-10
        assertThat(drawn("cooperative-members").get("Active members").values()).containsExactlyElementsOf(fromApi).containsExactly(2.0, 2.0, 2.0, 1.0, 2.0, 2.0);
        assertThat(drawn("cooperative-members").get("Women").values()).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(text("#cooperative-trainings thead")).contains("Attendees");
        assertThat(text("#cooperative-trainings tbody tr:first-child")).endsWith("2");
        browser.screenshot("cooperative-manager");
    }

    @Test
    void aManagerReachesTheListBehindADistrictFromItsPageAndSortsIt()
    {
        signInAsManager();
        open("#/district/Gasabo?indicator=formalisation_rate");
        element("#place-cooperative-list").click();
        awaitView("#/cooperative-list?district=Gasabo");

        assertThat(listedIds()).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        assertThat(text("#cooperative-list-count")).isEqualTo("2 cooperatives as of 30 June 2020");
        // COOP-GAS-0002: formed 546 days before the as-of date, never registered nor visited
        WebElement stuck = element("#cooperative-list-table tr[data-id='COOP-GAS-0002']");
        assertThat(stuck.findElements(By.cssSelector(".flag"))).extracting(flag -> flag.getDomAttribute("data-flag"))
                .containsExactly("unregistered", "unvisited");
        assertThat(element("#cooperative-list-table tr[data-id='COOP-GAS-0001']").findElements(By.cssSelector(".flag"))).isEmpty();
        assertThat(element("#cooperative-list-table tr[data-id='COOP-GAS-0001'] td:nth-of-type(8)").getText()).isEqualTo("2");

        element("button.sort[data-sort='formed_on']").click();
        awaitView("#/cooperative-list?district=Gasabo&sort=formed_on&order=asc");
        assertThat(listedIds()).containsExactly("COOP-GAS-0002", "COOP-GAS-0001");
        element("button.sort[data-sort='formed_on']").click();
        awaitView("#/cooperative-list?district=Gasabo&sort=formed_on&order=desc");
        assertThat(listedIds()).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        browser.screenshot("cooperative-list");
        assertThat(element("#cooperative-list-csv").getDomAttribute("href")).isEqualTo("/api/v1/cooperative-list.csv?district=Gasabo&order=desc&sort=formed_on");
    }

    @Test
    void aHeatTableCellShowsItsNPaleBelowKAndOpensTheCooperativesBehindIt()
    {
        signInAsManager();
        open("#/districts?indicator=formalisation_rate");

        // Gasabo x tailoring: COOP-GAS-0001 registered of 2 formed; n = 2 is below k = 5, so the cell is pale, not shaded
        WebElement cell = element("#cross a.heat-link[href*='district=Gasabo'][href*='value_chain=tailoring']").findElement(By.xpath(".."));
        assertThat(cell.getDomAttribute("class")).isEqualTo("heat-thin");
        assertThat(cell.getDomAttribute("data-n")).isEqualTo("2");
        assertThat(cell.getText()).isEqualTo("50%\nn 2");
        assertThat(text("#cross-thin-key")).isEqualTo("n below 5: pale");
        cell.findElement(By.cssSelector("a")).click();
        awaitView("#/cooperative-list?district=Gasabo&value_chain=tailoring&stage=registered");

        assertThat(listedIds()).containsExactly("COOP-GAS-0001");
    }

    @Test
    void theListTellsAVisitorItIsForProgrammeStaff()
    {
        open("#/cooperative-list?district=Gasabo");

        assertThat(text("#cooperative-list-denied")).contains("programme staff");
        assertThat(browser.driver().findElements(By.id("cooperative-list-table"))).isEmpty();
    }

    private List<String> listedIds()
    {
        return browser.driver().findElements(By.cssSelector("#cooperative-list-table tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-id")).toList();
    }

    private void signInAsManager()
    {
        signInThroughTheForm(server.url(), TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
    }

    /** Opens the view in a new document: the page's answers are cached for its life, and the credentials may have changed. */
    private void open(String hash)
    {
        browser.driver().get("about:blank");
        browser.driver().get(server.url() + "/" + hash);
        awaitView(hash);
    }

    private void awaitView(String hash)
    {
        new WebDriverWait(browser.driver(), WAIT).withMessage(() -> hash + " not ready: " + ((JavascriptExecutor) browser.driver()).executeScript(
                "return [location.hash, document.body.dataset.rendered, document.body.dataset.view].join(' | ')") + " " + browser.consoleProblems()).until(driver -> {
            List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(
                    "return [location.hash, document.body.dataset.rendered, document.body.dataset.view]");
            return sameHash(String.valueOf(values.get(0)), hash) && sameHash(String.valueOf(values.get(1)), hash) && "ready".equals(values.get(2));
        });
    }
}
