package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.jijukirwa.layout.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnMappingTest
{
    @TempDir
    Path folder;

    @Test
    void koboExportIsReadThroughTheMapping()
            throws Exception
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("kobo/registration_export.csv", "_id,_uuid,grp_coop/coop_id,grp_coop/name,grp_coop/district,grp_coop/value_chain,grp_coop/formed,_submission_time,_index\n"
                        + "101,uuid-1,COOP-K-1,Terimbere,Akarere ka Huye,welding,2020-01-05,2020-01-06T08:15:00+02:00,1\n"
                        + "102,uuid-2,COOP-K-2,Dufatanye,Nowhere,welding,2020-01-07,2020-01-07T09:00:00+02:00,2\n");
        Path mapping = folder.resolve("mapping.json");
        Files.writeString(mapping, """
                {"files": [
                  {"path": "kobo/registration*.csv", "dataset": "cooperatives",
                   "columns": {"grp_coop/coop_id": "cooperative_id", "grp_coop/name": "cooperative_name", "GRP_COOP/District": "district",
                               "grp_coop/value_chain": "value_chain", "grp_coop/formed": "formed_on", "_submission_time": "updated_at"}}
                ]}
                """);
        RunReport report = fixture.run(Optional.of(mapping));

        RunReport.DatasetReport cooperatives = report.datasets().get("cooperatives");
        assertThat(cooperatives.files()).containsOnlyKeys("kobo/registration_export.csv");
        assertThat(cooperatives.validRows()).isEqualTo(1);
        assertThat(cooperatives.byReason()).containsOnlyKeys("unknown_district");
        assertThat(cooperatives.ignoredColumns()).containsExactly("_id", "_index", "_uuid");
        List<Row> rows = fixture.current(Table.COOPERATIVES);
        assertThat(rows).hasSize(1);
        assertThat((String) rows.get(0).getAs("district_code")).isEqualTo("24");
        assertThat((Timestamp) rows.get(0).getAs("updated_at")).isEqualTo(Timestamp.from(Instant.parse("2020-01-06T06:15:00Z")));
    }

    @Test
    void fileWithoutADatasetNameIsIgnoredWithoutAMapping()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives.csv", IngestFixture.cooperatives(IngestFixture.ONE_COOPERATIVE))
                .write("kobo/export.csv", "a,b\n1,2\n")
                .write("README.txt", "notes");
        RunReport report = fixture.run();
        assertThat(report.ignoredFiles()).containsExactly("README.txt", "kobo/export.csv");
        assertThat(report.datasets().get("cooperatives").currentKeys()).isEqualTo(1);
    }
}
