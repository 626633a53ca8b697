package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.jijukirwa.layout.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.ingest.IngestFixture.cooperatives;

class VersioningTest
{
    @TempDir
    Path folder;

    @Test
    void greatestUpdatedAtWinsWhateverTheOrder()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives(
                        "COOP-1,newest,Gasabo,tailoring,2019-01-01,2020-02-01T10:00:00+02:00",
                        "COOP-1,older,Gasabo,tailoring,2019-01-01,2020-01-15"))
                .write("cooperatives/b.csv", cooperatives("COOP-1,oldest,Gasabo,tailoring,2019-01-01,2019-12-31"));
        RunReport report = fixture.run();
        assertThat(names(fixture)).containsExactly("COOP-1=newest");
        assertThat(report.datasets().get("cooperatives").validRows()).isEqualTo(3);
        assertThat(report.datasets().get("cooperatives").unchangedRows()).isZero();
        assertThat(report.datasets().get("cooperatives").currentKeys()).isEqualTo(1);
    }

    @Test
    void tieOrMissingUpdatedAtLetsTheLaterRowWin()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives(
                        "COOP-1,first,Gasabo,tailoring,2019-01-01,2020-01-01",
                        "COOP-1,second,Gasabo,tailoring,2019-01-01,2020-01-01T00:00:00+02:00",
                        "COOP-2,first,Gasabo,tailoring,2019-01-01,",
                        "COOP-3,first,Gasabo,tailoring,2019-01-01,"))
                .write("cooperatives/b.csv", cooperatives(
                        "COOP-2,second,Gasabo,tailoring,2019-01-01,",
                        "COOP-3,dated,Gasabo,tailoring,2019-01-01,2018-01-01"));
        fixture.run();
        // COOP-1: same instant, later line wins; COOP-2: no updated_at, later file wins; COOP-3: the current version has none, so the later row wins.
        assertThat(names(fixture)).containsExactly("COOP-1=second", "COOP-2=second", "COOP-3=dated");
    }

    @Test
    void identicalRepeatIsUnchangedInTheRunAndAcrossRuns()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives(
                        "COOP-1,same,Gasabo,tailoring,2019-01-01,2020-01-01",
                        " COOP-1 ,same,GASABO,Tailoring and garment making,01/01/2019,2020-01-01"));
        RunReport first = fixture.run();
        assertThat(first.datasets().get("cooperatives").unchangedRows()).isEqualTo(1);
        assertThat(first.datasets().get("cooperatives").files().get("cooperatives/a.csv").unchangedRows()).isEqualTo(1);
        List<Row> before = fixture.current(Table.COOPERATIVES);

        fixture.write("cooperatives/c.csv", cooperatives("COOP-1,same,12,tailoring,2019-01-01,2020-01-01"));
        RunReport second = fixture.run();
        assertThat(second.datasets().get("cooperatives").unchangedRows()).isEqualTo(1);
        assertThat(second.datasets().get("cooperatives").files().get("cooperatives/a.csv").skippedAlreadyIngested()).isTrue();
        // The winning version keeps its provenance: nothing changed.
        assertThat(fixture.current(Table.COOPERATIVES)).isEqualTo(before);
    }

    @Test
    void secondRunOverTheSameFolderChangesNothing()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01", "COOP-2,two,Kampala,tailoring,2019-01-01,"))
                .write("members/m.csv", "member_id,cooperative_id,national_id,joined_on\nMBR-1,COOP-1,1199,2019-02-01\nMBR-2,COOP-9,1198,2019-02-01\n");
        RunReport first = fixture.run();
        List<List<Row>> before = allTables(fixture);
        RunReport second = fixture.run();
        assertThat(allTables(fixture)).isEqualTo(before);
        RunReport.DatasetReport members = second.datasets().get("members");
        assertThat(members.rowsRead()).isZero();
        assertThat(members.currentKeys()).isEqualTo(1);
        assertThat(members.files().get("members/m.csv").skippedAlreadyIngested()).isTrue();
        // nothing new, so nothing published: CURRENT still names the first run's snapshot
        assertThat(second.published()).isFalse();
        assertThat(second.summary()).startsWith("Nothing new: every input file was already ingested and nothing else changed; no snapshot published, "
                + "CURRENT is still " + first.snapshotId() + "\n");
        assertThat(fixture.warehouse().snapshotIds()).containsExactly(first.snapshotId());
        assertThat(fixture.warehouse().currentSnapshotId()).contains(first.snapshotId());
    }

    @Test
    void unknownCooperativeIsReleasedByALaterRun()
    {
        IngestFixture fixture = IngestFixture.withOneCooperative(folder)
                .write("members/m.csv", "member_id,cooperative_id,full_name,joined_on\nMBR-1,COOP-1,Uwase Diane,2019-02-01\nMBR-2,COOP-2,Mugisha Jean,2019-03-01\n");
        RunReport first = fixture.run();
        assertThat(first.datasets().get("members").byReason()).containsExactly(java.util.Map.entry("unknown_cooperative", 1L));
        assertThat(fixture.current(Table.QUARANTINE)).hasSize(1);

        fixture.write("cooperatives/b.csv", cooperatives("COOP-2,two,Huye,welding,2019-01-01,2020-01-01"));
        RunReport second = fixture.run();
        assertThat(second.datasets().get("members").releasedFromQuarantine()).isEqualTo(1);
        assertThat(second.datasets().get("members").currentKeys()).isEqualTo(2);
        assertThat(fixture.current(Table.QUARANTINE)).isEmpty();
        Row released = fixture.current(Table.MEMBERS).get(1);
        assertThat((String) released.getAs("member_id")).isEqualTo("MBR-2");
        assertThat((String) released.getAs("source_file")).isEqualTo("members/m.csv");
        assertThat((Long) released.getAs("source_line")).isEqualTo(3L);
        assertThat((String) released.getAs("ingest_run")).isEqualTo(first.snapshotId());
        assertThat(released.getAs("joined_on").toString()).isEqualTo("2019-03-01");
    }

    @Test
    void quarantinedRowKeepsItsRawValuesInContractOrder()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", "updated_at,district,cooperative_id,value_chain,formed_on,cooperative_name\n"
                        + "2020-01-01,Kampala,COOP-1,tailoring,2019-01-01,one\n");
        fixture.run();
        String id = fixture.warehouse().currentSnapshotId().orElseThrow();
        List<Row> keys = SparkTestSession.get().read().parquet(fixture.warehouse().table(id, Table.QUARANTINE).toString())
                .selectExpr("map_keys(raw_values)").collectAsList();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).getList(0)).containsExactly("cooperative_id", "cooperative_name", "district", "value_chain", "formed_on", "updated_at");
    }

    private static List<String> names(IngestFixture fixture)
    {
        return fixture.current(Table.COOPERATIVES).stream().map(row -> row.getAs("cooperative_id") + "=" + row.getAs("cooperative_name")).toList();
    }

    private static List<List<Row>> allTables(IngestFixture fixture)
    {
        return java.util.Arrays.stream(Table.values()).map(fixture::current).toList();
    }
}
