package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The server starts on an empty warehouse folder and serves each snapshot published while it runs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotPollerTest
{
    private static final Duration PICK_UP_WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    final DashboardServer server = DashboardServer.overEmptyWarehouse("poller");

    @Test
    @Order(1)
    void beforeTheFirstPublishHealthIsDownAndAnswersAreUnavailable()
    {
        ApiClient.Response health = server.api().get("/api/v1/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json()).isEqualTo(ApiClient.json("{\"status\": \"DOWN\", \"snapshot\": null}"));

        ApiClient.Response answer = server.api().get("/api/v1/indicators/coops_formed");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("error").asText()).isNotBlank();

        // the catalogue does not depend on data
        assertThat(server.api().get("/api/v1/indicators").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aPublishedSnapshotIsServedWithoutRestart()
            throws IOException
    {
        String first = SnapshotFixture.contractReference("2020-03-31").cooperative("COOP-GAS-0001", "12", "tailoring", "2019-02-10", null).publishTo(server.warehouse());

        ApiClient.Response health = waitFor("/api/v1/health", response -> response.status() == 200);
        assertThat(health.json()).isEqualTo(ApiClient.json("{\"status\": \"UP\", \"snapshot\": \"%s\"}".formatted(first)));
        ApiClient.Response answer = server.api().get("/api/v1/indicators/coops_formed");
        assertThat(answer.json().get("as_of").asText()).isEqualTo("2020-03-31");
        assertThat(answer.json().get("rows").get(0).get("value").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aNewerSnapshotReplacesTheOneServed()
            throws IOException
    {
        String second = SnapshotFixture.smallProgramme().publishTo(server.warehouse());

        waitFor("/api/v1/health", response -> response.status() == 200 && response.json().get("snapshot").asText().equals(second));
        ApiClient.Response answer = server.api().get("/api/v1/indicators/coops_formed");
        assertThat(answer.json().get("snapshot").asText()).isEqualTo(second);
        assertThat(answer.json().get("as_of").asText()).isEqualTo("2020-06-30");
        assertThat(answer.json().get("rows").get(0).get("value").asInt()).isEqualTo(8);
    }

    private ApiClient.Response waitFor(String uri, Predicate<ApiClient.Response> condition)
    {
        Instant deadline = Instant.now().plus(PICK_UP_WITHIN);
        while (true) {
            ApiClient.Response response = server.api().get(uri);
            if (condition.test(response)) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(uri + " did not change within " + PICK_UP_WITHIN + "; last answer: " + response.status() + " " + response.body());
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
