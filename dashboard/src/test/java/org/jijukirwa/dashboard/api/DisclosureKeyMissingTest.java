package org.jijukirwa.dashboard.api;

import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a disclosure key the server starts, serves managers and the figures that are not people, and refuses the public its person counts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureKeyMissingTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.over("no-disclosure-key", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withoutDisclosureKey();

    @Test
    void thePublicIsRefusedPersonCountsWithAMessageThatNamesTheSetting()
    {
        for (String path : new String[] {"/api/v1/indicators/members_active?by=district", "/api/v1/indicators/women_share",
                "/api/v1/indicators/attendances", "/api/v1/export/members_active.csv?by=district"}) {
            ApiClient.Response response = server.api().get(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.json().get("error").asText()).as(path).contains("jijukirwa.warehouse.disclosure-key-file");
        }
    }

    @Test
    void managersAndFiguresThatAreNotPeopleAreServed()
    {
        assertThat(server.api().get("/api/v1/indicators/members_active?by=district", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).status()).isEqualTo(200);
        assertThat(server.api().get("/api/v1/indicators/coops_formed?by=district").status()).isEqualTo(200);
    }
}
