package org.jijukirwa.dashboard;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The server starts on an empty warehouse folder and serves each snapshot published while it runs. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotPollerTest
        implements TestPropertyProvider
{
    private static final Duration PICK_UP_WITHIN = Duration.ofSeconds(5);

    private Path warehouse;

    @Inject
    @Client("/")
    HttpClient httpClient;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties()
    {
        return TestUsers.propertiesWithNewWarehouse("poller", folder -> warehouse = folder);
    }

    @BeforeAll
    void createClient()
    {
        api = new ApiClient(httpClient);
    }

    @Test
    @Order(1)
    void beforeTheFirstPublishHealthIsDownAndAnswersAreUnavailable()
    {
        ApiClient.Response health = api.get("/api/v1/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json()).isEqualTo(ApiClient.json("{\"status\": \"DOWN\", \"snapshot\": null}"));

        ApiClient.Response answer = api.get("/api/v1/indicators/coops_formed");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("error").asText()).isNotBlank();

        // the catalogue does not depend on data
        assertThat(api.get("/api/v1/indicators").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aPublishedSnapshotIsServedWithoutRestart()
            throws IOException
    {
        String first = SnapshotFixture.contractReference("2020-03-31").cooperative("COOP-GAS-0001", "12", "tailoring", "2019-02-10", null).publishTo(warehouse);

        ApiClient.Response health = waitFor("/api/v1/health", response -> response.status() == 200);
        assertThat(health.json()).isEqualTo(ApiClient.json("{\"status\": \"UP\", \"snapshot\": \"%s\"}".formatted(first)));
        ApiClient.Response answer = api.get("/api/v1/indicators/coops_formed");
        assertThat(answer.json().get("as_of").asText()).isEqualTo("2020-03-31");
        assertThat(answer.json().get("rows").get(0).get("value").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aNewerSnapshotReplacesTheOneServed()
            throws IOException
    {
        String second = SnapshotFixture.smallProgramme().publishTo(warehouse);

        waitFor("/api/v1/health", response -> response.status() == 200 && response.json().get("snapshot").asText().equals(second));
        ApiClient.Response answer = api.get("/api/v1/indicators/coops_formed");
        assertThat(answer.json().get("snapshot").asText()).isEqualTo(second);
        assertThat(answer.json().get("as_of").asText()).isEqualTo("2020-06-30");
        assertThat(answer.json().get("rows").get(0).get("value").asInt()).isEqualTo(8);
    }

    private ApiClient.Response waitFor(String uri, Predicate<ApiClient.Response> condition)
    {
        Instant deadline = Instant.now().plus(PICK_UP_WITHIN);
        while (true) {
            ApiClient.Response response = api.get(uri);
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
