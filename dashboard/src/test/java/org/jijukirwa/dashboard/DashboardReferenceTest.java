package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages take their reference data from the API: a value chain that the snapshot's reference files add (beekeeping,
 * with one cooperative in Huye) has its page and its bar, labelled with the API's English label in every language,
 * while the contract's value chains keep their translations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardReferenceTest
        extends BrowserPerClassTest
{

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("reference-page", warehouse -> {
        SnapshotFixture.smallProgramme()
                .valueChain("beekeeping", "Beekeeping and honey")
                .cooperative("COOP-HUY-0003", "24", "beekeeping", "2020-01-10", null)
                .publishTo(warehouse);
    });

    @Test
    void aValueChainOnlyTheSnapshotKnowsHasItsPageAndItsEnglishLabel()
    {
        open("#/value-chain/beekeeping?lang=fr");
        assertThat(browser.driver().findElement(By.cssSelector("h1")).getText()).isEqualTo("Beekeeping and honey");

        open("#/value-chain/tailoring?lang=fr");
        assertThat(browser.driver().findElement(By.cssSelector("h1")).getText()).isEqualTo("Couture et confection");

        // small programme: tailoring 3 (two in Gasabo, one in Huye), and the one beekeeping cooperative
        open("#/value-chains?indicator=coops_formed");
        List<String> keys = new ArrayList<>();
        for (JsonNode series : ApiClient.json(browser.driver().findElement(By.id("ranking-chart")).getDomAttribute("data-drawn"))) {
            series.get("points").forEach(point -> keys.add(point.get("key").asText() + "=" + point.get("value").asText()));
        }
        assertThat(keys).contains("tailoring=3", "beekeeping=1");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void aValueChainTheSnapshotDoesNotKnowIsNotFound()
    {
        open("#/value-chain/astrology");
        assertThat(browser.driver().findElement(By.cssSelector("h1")).getText()).isEqualTo("Not found");
    }

    private void open(String hash)
    {
        browser.driver().get(server.url() + "/" + hash);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> {
            List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(
                    "return [location.hash, document.body.dataset.rendered, document.body.dataset.view]");
            String rendered = URLDecoder.decode(String.valueOf(values.get(1)), StandardCharsets.UTF_8);
            return rendered.equals(hash) && "ready".equals(values.get(2));
        });
    }
}
