package org.jijukirwa.dashboard.quality;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data quality counts over the small programme with three rejected rows (two members, one cooperative) and a run
 * report that holds 8 cooperatives and 16 members: anyone reads the counts, nobody reads a rejected row through them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityControllerTest
{
    private static final String NATIONAL_ID = "1199070012345678";

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("data-quality", warehouse -> {
        String snapshot = SnapshotFixture.smallProgramme()
                .quarantined("members", "members/members.csv", 17, "MEM-0017,COOP-GAS-0001,2019-02-30",
                        "{member_id='MEM-0017', joined_on='2019-02-30'}", "['invalid_date:joined_on']")
                .quarantined("cooperatives", "cooperatives/cooperatives.csv", 4, "COOP-XXX-0001,Kigali North,tailoring,2019-01-01",
                        "{cooperative_id='COOP-XXX-0001', district='Kigali North'}", "[unknown_district]")
                .quarantined("members", "members/members.csv", 9, "MEM-0009,COOP-NOPE-0001," + NATIONAL_ID + ",X",
                        "{member_id='MEM-0009', national_id='" + NATIONAL_ID + "', sex='X'}", "[unknown_cooperative, 'invalid_value:sex']")
                .publishTo(warehouse);
        // the run report as the ingest writes it: the current records per dataset
        Files.writeString(new WarehouseDirectory(warehouse).snapshot(snapshot).resolve(WarehouseDirectory.RUN_REPORT_FILE), """
                {"snapshot_id": "%s", "as_of": "2020-06-30", "datasets": {
                  "cooperatives": {"current_keys": 8, "files": {}}, "members": {"current_keys": 16, "files": {}}}}
                """.formatted(snapshot));
    });

    @Test
    void anyoneReadsAcceptedAndRejectedRowsPerDatasetAndReasonButNoRow()
    {
        ApiClient.Response response = server.api().get("/api/v1/data-quality");

        assertThat(response.status()).isEqualTo(200);
        JsonNode datasets = response.json().get("datasets");
        assertThat(datasets).hasSize(4);
        assertThat(datasets.get(0).toString()).isEqualTo("{\"dataset\":\"cooperatives\",\"accepted_rows\":8,\"rejected_rows\":1,"
                + "\"reasons\":[{\"reason\":\"unknown_district\",\"rows\":1}]}");
        // two rejected member rows, one with two reasons: most frequent first, then by name
        assertThat(datasets.get(1).toString()).isEqualTo("{\"dataset\":\"members\",\"accepted_rows\":16,\"rejected_rows\":2,"
                + "\"reasons\":[{\"reason\":\"invalid_date:joined_on\",\"rows\":1},{\"reason\":\"invalid_value:sex\",\"rows\":1},"
                + "{\"reason\":\"unknown_cooperative\",\"rows\":1}]}");
        assertThat(datasets.get(2).toString()).isEqualTo("{\"dataset\":\"trainings\",\"accepted_rows\":0,\"rejected_rows\":0,\"reasons\":[]}");
        assertThat(response.body()).doesNotContain(NATIONAL_ID).doesNotContain("MEM-0009").doesNotContain("Kigali North");
    }

    @Test
    void thePublicGetsTheDistrictsOfCooperativesAndVisitsInThePeriodAndManagersThoseOfPeopleToo()
    {
        // Q2 2020: COOP-HUY-0002 formed 2020-05-05; the three rejected rows have no date of their own that parses, so they
        // take the run's date, here the as-of date 2020-06-30; none names a known district or cooperative: the unknown bucket
        ApiClient.Response response = server.api().get("/api/v1/data-quality?from=2020-04-01&to=2020-06-30");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("from").asText()).isEqualTo("2020-04-01");
        assertThat(response.json().get("to").asText()).isEqualTo("2020-06-30");
        assertThat(response.json().get("withheld").toString()).isEqualTo("[\"members\",\"trainings\"]");
        assertThat(response.json().get("districts").toString()).isEqualTo("["
                + "{\"dataset\":\"cooperatives\",\"district_code\":\"24\",\"district\":\"Huye\",\"province_code\":\"2\",\"province\":\"Southern\","
                + "\"accepted_rows\":1,\"rejected_rows\":0,\"rejected_share\":0.0,\"reasons\":[]},"
                + "{\"dataset\":\"cooperatives\",\"district_code\":null,\"district\":null,\"province_code\":null,\"province\":null,\"accepted_rows\":0,\"rejected_rows\":1,\"rejected_share\":1.0,"
                + "\"reasons\":[{\"reason\":\"unknown_district\",\"rows\":1}]}]");
        assertThat(response.body()).doesNotContain(NATIONAL_ID).doesNotContain("Kigali North");

        ApiClient.Response manager = server.api().get("/api/v1/data-quality?from=2020-04-01&to=2020-06-30", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.json().get("withheld")).isEmpty();
        JsonNode districts = manager.json().get("districts");
        assertThat(districts).hasSize(3);
        assertThat(districts.get(2).toString()).isEqualTo("{\"dataset\":\"members\",\"district_code\":null,\"district\":null,\"province_code\":null,\"province\":null,"
                + "\"accepted_rows\":0,\"rejected_rows\":2,"
                + "\"rejected_share\":1.0,\"reasons\":[{\"reason\":\"invalid_date:joined_on\",\"rows\":1},"
                + "{\"reason\":\"invalid_value:sex\",\"rows\":1},{\"reason\":\"unknown_cooperative\",\"rows\":1}]}");
    }

    @Test
    void aMalformedReversedOrUnknownPeriodParameterIsA400NamingIt()
    {
        assertBadRequest("/api/v1/data-quality?from=2020-02-30", "from", "'from' must be a real date written yyyy-MM-dd, not '2020-02-30'.");
        assertBadRequest("/api/v1/data-quality?to=31/12/2020", "to", "'to' must be a real date written yyyy-MM-dd, not '31/12/2020'.");
        assertBadRequest("/api/v1/data-quality?from=1899-12-31", "from", "'from' must be a date from 1900-01-01 to 2100-12-31, not '1899-12-31'.");
        assertBadRequest("/api/v1/data-quality?from=2020-03-01&to=2020-01-31", "to", "'to' (2020-01-31) must not be before 'from' (2020-03-01).");
        assertBadRequest("/api/v1/data-quality?period=2020-Q1", "period", "'period' is not a known parameter; use from and to.");
    }

    private void assertBadRequest(String uri, String parameter, String message)
    {
        ApiClient.Response response = server.api().get(uri);
        assertThat(response.status()).as(uri).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo(parameter);
        assertThat(response.json().get("error").asText()).isEqualTo(message);
    }
}
