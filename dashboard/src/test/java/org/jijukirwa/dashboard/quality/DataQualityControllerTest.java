package org.jijukirwa.dashboard.quality;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
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
}
