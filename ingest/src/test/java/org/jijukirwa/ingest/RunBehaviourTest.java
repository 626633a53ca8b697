package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.jijukirwa.layout.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.ingest.IngestFixture.cooperatives;

/** What a run publishes, refuses and warns about, and how the quarantine keeps one entry per distinct bad row. */
class RunBehaviourTest
{
    private static final String MEMBERS_HEADER = "member_id,cooperative_id,full_name,joined_on\n";

    @TempDir
    Path folder;

    @Test
    void aNewAsOfDateIsSomethingNew()
    {
        IngestFixture fixture = IngestFixture.withOneCooperative(folder)
                .write("members/m.csv", MEMBERS_HEADER + "MBR-1,COOP-9,Uwase Diane,2019-02-01\n");
        fixture.run();
        // (a run with the same as-of date publishes nothing: VersioningTest.secondRunOverTheSameFolderChangesNothing)
        RunReport later = fixture.run(IngestFixture.AS_OF.plusDays(1), false);
        assertThat(later.published()).isTrue();
        assertThat(fixture.warehouse().currentSnapshotId()).contains(later.snapshotId());
        // the retried member still names an unknown cooperative: still one quarantine entry
        assertThat(fixture.current(Table.QUARANTINE)).hasSize(1);
    }

    @Test
    void changedReferenceDataIsSomethingNew()
            throws Exception
    {
        IngestFixture fixture = IngestFixture.withOneCooperative(folder);
        fixture.run();
        Path reference = Files.createDirectories(folder.resolve("reference"));
        try (Stream<Path> files = Files.list(Path.of("..", "reference"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, reference.resolve(file.getFileName()));
            }
        }
        Path targets = reference.resolve("targets.csv");
        Files.writeString(targets, Files.readString(targets).replace("214", "215"));

        RunReport changed = fixture.run(IngestFixture.AS_OF, false, Optional.of(reference));
        assertThat(changed.published()).isTrue();
        assertThat(fixture.warehouse().currentSnapshotId()).contains(changed.snapshotId());
    }

    @Test
    void anInputWithoutFilesCarriesEverythingForwardAndPublishesOnlyWhenTheReferenceDataChanged()
            throws Exception
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01"))
                .write("members/m.csv", MEMBERS_HEADER + "MBR-1,COOP-1,Uwase Diane,2019-02-01\n");
        RunReport first = fixture.run();
        fixture.delete("cooperatives/a.csv").delete("members/m.csv");

        assertThat(fixture.run(IngestFixture.AS_OF, false).published()).isFalse();
        assertThat(fixture.warehouse().currentSnapshotId()).contains(first.snapshotId());

        Path reference = Files.createDirectories(folder.resolve("reference"));
        try (Stream<Path> files = Files.list(Path.of("..", "reference"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, reference.resolve(file.getFileName()));
            }
        }
        Files.writeString(reference.resolve("targets.csv"), Files.readString(reference.resolve("targets.csv")).replace("coops_formed,12,29", "coops_formed,12,40"));
        RunReport changed = fixture.run(IngestFixture.AS_OF, false, Optional.of(reference));

        assertThat(changed.published()).isTrue();
        assertThat(fixture.warehouse().currentSnapshotId()).contains(changed.snapshotId());
        assertThat(fixture.current(Table.COOPERATIVES)).hasSize(1);
        assertThat(fixture.current(Table.MEMBERS)).hasSize(1);
        assertThat(fixture.current(Table.TARGETS).stream().map(Row::toString)).contains("[coops_formed,12,40.0]");
    }

    @Test
    void anInputWithoutFilesIsRefusedWhenNothingWasPublished()
            throws Exception
    {
        IngestFixture fixture = new IngestFixture(folder);
        Files.createDirectories(fixture.input());

        assertThatThrownBy(fixture::run).isInstanceOf(IngestException.class).hasMessageStartingWith("no data files under ");
    }

    @Test
    void aReExportOfBadRowsKeepsOneEntryPerDistinctRowWithWhereItWasSeen()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives(
                        "COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01",
                        "COOP-2,two,Kampala,tailoring,2019-01-01,2020-01-01",
                        "COOP-3,three,Gasabo,knitting,2019-01-01,2020-01-01",
                        "COOP-2,two,Kampala,tailoring,2019-01-01,2020-01-01"));
        RunReport first = fixture.run();
        RunReport.DatasetReport cooperatives = first.datasets().get("cooperatives");
        assertThat(cooperatives.quarantinedRows()).isEqualTo(3);
        assertThat(cooperatives.quarantineRepeats()).isEqualTo(1);
        assertThat(entries(fixture)).containsExactly(
                "COOP-2 first cooperatives/a.csv:3 last cooperatives/a.csv:5 seen 2",
                "COOP-3 first cooperatives/a.csv:4 last cooperatives/a.csv:4 seen 1");

        // the next full export, written with ';' and another column order: the same rows, the same reasons
        fixture.write("cooperatives/b.csv", "cooperative_id;district;value_chain;formed_on;cooperative_name;updated_at\n"
                + "COOP-1;Gasabo;tailoring;2019-01-01;one;2020-01-01\n"
                + "COOP-2;Kampala;tailoring;2019-01-01;two;2020-01-01\n"
                + "COOP-3;Gasabo;knitting;2019-01-01;three;2020-01-01\n"
                + "COOP-4;Kampala;tailoring;2019-01-01;four;2020-01-01\n");
        RunReport second = fixture.run();
        RunReport.DatasetReport again = second.datasets().get("cooperatives");
        assertThat(again.rowsRead()).isEqualTo(again.validRows() + again.quarantinedRows()).isEqualTo(4);
        assertThat(again.quarantinedRows()).isEqualTo(3);
        assertThat(again.quarantineRepeats()).isEqualTo(2);
        assertThat(entries(fixture)).containsExactly(
                "COOP-2 first cooperatives/a.csv:3 last cooperatives/b.csv:3 seen 3",
                "COOP-3 first cooperatives/a.csv:4 last cooperatives/b.csv:4 seen 2",
                "COOP-4 first cooperatives/b.csv:5 last cooperatives/b.csv:5 seen 1");
        Row coop2 = fixture.current(Table.QUARANTINE).get(0);
        assertThat((String) coop2.getAs("ingest_run")).isEqualTo(first.snapshotId());
        assertThat((String) coop2.getAs("last_seen_run")).isEqualTo(second.snapshotId());
        assertThat((String) coop2.getAs("raw_text")).isEqualTo("COOP-2,two,Kampala,tailoring,2019-01-01,2020-01-01");
    }

    @Test
    void aRetriedRowSeenAgainStaysOneEntryUntilItsCooperativeArrives()
    {
        IngestFixture fixture = IngestFixture.withOneCooperative(folder)
                .write("members/m1.csv", MEMBERS_HEADER + "MBR-1,COOP-1,Uwase Diane,2019-02-01\nMBR-2,COOP-2,Mugisha Jean,2019-03-01\n");
        RunReport first = fixture.run();
        fixture.write("members/m2.csv", MEMBERS_HEADER + "MBR-2,COOP-2,Mugisha Jean,2019-03-01\nMBR-3,COOP-1,Iradukunda Eric,2019-04-01\n");
        RunReport second = fixture.run();
        assertThat(second.datasets().get("members").quarantineRepeats()).isEqualTo(1);
        assertThat(entries(fixture)).containsExactly("MBR-2 first members/m1.csv:3 last members/m2.csv:2 seen 2");
        assertThat((String) fixture.current(Table.QUARANTINE).get(0).getAs("ingest_run")).isEqualTo(first.snapshotId());

        fixture.write("cooperatives/b.csv", cooperatives("COOP-2,two,Huye,welding,2019-01-01,2020-01-01"));
        RunReport third = fixture.run();
        assertThat(third.datasets().get("members").releasedFromQuarantine()).isEqualTo(1);
        assertThat(third.datasets().get("members").currentKeys()).isEqualTo(3);
        assertThat(fixture.current(Table.QUARANTINE)).isEmpty();
    }

    @Test
    void membersWithoutAnyCooperativeAreRefusedUnlessAllowed()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("members/m.csv", MEMBERS_HEADER + "MBR-1,COOP-1,Uwase Diane,2019-02-01\nMBR-2,COOP-2,Mugisha Jean,2019-03-01\n");

        assertThatThrownBy(fixture::run)
                .isInstanceOf(IngestException.class)
                .hasMessage("the run would lose a dataset: none of the 2 members rows read would be published: the cooperatives they name are in neither "
                        + "the input nor the warehouse (is the input folder the one that holds the cooperatives files too?). Give --allow-dataset-loss to publish anyway");
        assertThat(fixture.warehouse().currentSnapshotId()).isEmpty();
        assertThat(fixture.warehouse().snapshotIds()).isEmpty();

        RunReport allowed = fixture.run(IngestFixture.AS_OF, true);
        assertThat(allowed.published()).isTrue();
        assertThat(allowed.warnings()).containsExactly(
                "members: 2 of the 2 rows read were quarantined (unknown_cooperative 2)",
                "published with --allow-dataset-loss: none of the 2 members rows read would be published: the cooperatives they name are in neither "
                        + "the input nor the warehouse (is the input folder the one that holds the cooperatives files too?)");
        assertThat(allowed.toJsonText()).contains("\"warnings\" : [ \"members: 2 of the 2 rows read were quarantined (unknown_cooperative 2)\"");
        assertThat(fixture.current(Table.QUARANTINE)).hasSize(2);
    }

    @Test
    void aDatasetMissingFromTheInputIsCarriedForwardWithAWarning()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01", "COOP-2,two,Huye,welding,2019-01-01,2020-01-01"))
                .write("members/m1.csv", MEMBERS_HEADER + "MBR-1,COOP-1,Uwase Diane,2019-02-01\n");
        RunReport first = fixture.run();
        assertThat(first.warnings()).isEmpty();

        fixture.delete("cooperatives/a.csv").write("members/m2.csv", MEMBERS_HEADER + "MBR-2,COOP-2,Mugisha Jean,2019-03-01\n");
        RunReport second = fixture.run();
        assertThat(second.published()).isTrue();
        assertThat(second.warnings()).containsExactly("cooperatives: no file in the input; the 2 rows of snapshot " + first.snapshotId() + " are carried forward");
        assertThat(second.datasets().get("cooperatives").currentKeys()).isEqualTo(2);
        assertThat(second.datasets().get("members").currentKeys()).isEqualTo(2);
        assertThat(second.brief()).contains("WARNING: cooperatives: no file in the input");
    }

    @Test
    void mostRowsQuarantinedIsAWarningAndHalfIsNot()
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives(
                        "COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01",
                        "COOP-2,two,Kampala,tailoring,2019-01-01,2020-01-01"))
                .write("members/m.csv", MEMBERS_HEADER + "MBR-1,COOP-1,Uwase Diane,2019-02-01\nMBR-2,COOP-1,Mugisha Jean,31/02/2019\n"
                        + "MBR-3,COOP-1,Iradukunda Eric,\nMBR-4,COOP-1,Uwera Alice,\n");
        RunReport report = fixture.run();
        assertThat(report.warnings()).containsExactly(
                "members: 3 of the 4 rows read were quarantined (missing_required:joined_on 2, invalid_date:joined_on 1)");
    }

    /** The quarantine's entries: key, first and last seen (file:line), times seen. */
    private static List<String> entries(IngestFixture fixture)
    {
        return fixture.current(Table.QUARANTINE).stream()
                .map(row -> {
                    Map<String, String> values = row.getJavaMap(row.fieldIndex("raw_values"));
                    String key = values.getOrDefault("cooperative_id", "");
                    if (values.containsKey("member_id")) {
                        key = values.get("member_id");
                    }
                    return key + " first " + row.getAs("source_file") + ":" + row.getAs("source_line")
                            + " last " + row.getAs("last_seen_file") + ":" + row.getAs("last_seen_line") + " seen " + row.getAs("times_seen");
                })
                .sorted()
                .toList();
    }
}
