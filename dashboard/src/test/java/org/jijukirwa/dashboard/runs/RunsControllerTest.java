package org.jijukirwa.dashboard.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsControllerTest
{
    private String firstSnapshot;
    private String secondSnapshot;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("runs", warehouse -> {
        firstSnapshot = SnapshotFixture.contractReference("2020-03-31").cooperative("COOP-GAS-0001", "12", "tailoring", "2019-02-10", null).publishTo(warehouse);
        secondSnapshot = SnapshotFixture.smallProgramme().publishTo(warehouse);
    });

    @Test
    void managerReadsEveryRunNewestFirst()
    {
        ApiClient.Response response = server.api().get("/api/v1/runs", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

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
        assertThat(server.api().get("/api/v1/runs", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anonymousRequestMustSignIn()
    {
        ApiClient.Response response = server.api().get("/api/v1/runs");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(secondSnapshot);
    }

    @Test
    void userWithoutTheManagerRoleIsForbidden()
    {
        ApiClient.Response response = server.api().get("/api/v1/runs", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(secondSnapshot);
    }

    @Test
    void wrongPasswordIsUnauthorized()
    {
        ApiClient.Response response = server.api().get("/api/v1/runs", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD + "x");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.body()).doesNotContain(secondSnapshot);
    }

    @Test
    void unknownUserIsUnauthorized()
    {
        assertThat(server.api().get("/api/v1/runs", "nobody", TestUsers.MANAGER_PASSWORD).status()).isEqualTo(401);
    }
}
