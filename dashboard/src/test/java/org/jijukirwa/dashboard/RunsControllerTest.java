package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsControllerTest
        implements TestPropertyProvider
{
    private String firstSnapshot;
    private String secondSnapshot;

    @Inject
    @Client("/")
    HttpClient httpClient;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties()
    {
        return TestUsers.propertiesWithNewWarehouse("runs", warehouse -> {
            firstSnapshot = SnapshotFixture.contractReference("2020-03-31").cooperative("COOP-GAS-0001", "12", "tailoring", "2019-02-10", null).publishTo(warehouse);
            secondSnapshot = SnapshotFixture.smallProgramme().publishTo(warehouse);
        });
    }

    @BeforeAll
    void createClient()
    {
        api = new ApiClient(httpClient);
    }

    @Test
    void managerReadsEveryRunNewestFirst()
    {
        ApiClient.Response response = api.get("/api/v1/runs", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonNode runs = response.json();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("snapshot").asText()).isEqualTo(secondSnapshot);
        assertThat(runs.get(1).get("snapshot").asText()).isEqualTo(firstSnapshot);
        // the report passes through as the ingest wrote it: the small programme has 8 cooperatives and 16 members
        JsonNode report = runs.get(0).get("report");
        assertThat(report.get("as_of").asText()).isEqualTo("2020-06-30");
        assertThat(report.at("/datasets/cooperatives/files/0/rows_read").asInt()).isEqualTo(8);
        assertThat(report.at("/datasets/members/files/0/accepted").asInt()).isEqualTo(16);
        assertThat(runs.get(1).get("report").at("/datasets/cooperatives/files/0/rows_read").asInt()).isEqualTo(1);
    }

    @Test
    void adminHoldsTheManagerRole()
    {
        assertThat(api.get("/api/v1/runs", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anonymousRequestMustSignIn()
    {
        ApiClient.Response response = api.get("/api/v1/runs");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(secondSnapshot);
    }

    @Test
    void userWithoutTheManagerRoleIsForbidden()
    {
        ApiClient.Response response = api.get("/api/v1/runs", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(secondSnapshot);
    }

    @Test
    void wrongPasswordIsUnauthorized()
    {
        ApiClient.Response response = api.get("/api/v1/runs", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD + "x");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.body()).doesNotContain(secondSnapshot);
    }

    @Test
    void unknownUserIsUnauthorized()
    {
        assertThat(api.get("/api/v1/runs", "nobody", TestUsers.MANAGER_PASSWORD).status()).isEqualTo(401);
    }
}
