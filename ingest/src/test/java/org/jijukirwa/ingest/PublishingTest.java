package org.jijukirwa.ingest;

import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.ingest.IngestFixture.cooperatives;

class PublishingTest
{
    @TempDir
    Path folder;

    @Test
    void failureMidRunLeavesThePreviousSnapshotCurrentAndUntouched()
            throws Exception
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01"))
                .write("members/m.csv", "member_id,cooperative_id,joined_on\nMBR-1,COOP-1,2019-02-01\n");
        RunReport first = fixture.run();
        WarehouseDirectory warehouse = fixture.warehouse();
        assertThat(warehouse.currentSnapshotId()).contains(first.snapshotId());

        // A damaged members table in the current snapshot: the next run writes its cooperatives, then fails reading the members.
        Path membersTable = warehouse.table(first.snapshotId(), Table.MEMBERS);
        Files.writeString(membersTable.resolve("part-99999-damaged.parquet"), "not parquet at all");
        Map<String, String> before = contents(warehouse.root());

        fixture.write("cooperatives/b.csv", cooperatives("COOP-2,two,Huye,welding,2019-01-01,2020-01-01"));
        assertThatThrownBy(fixture::run).isInstanceOf(RuntimeException.class);

        assertThat(warehouse.currentSnapshotId()).contains(first.snapshotId());
        assertThat(warehouse.snapshotIds()).containsExactly(first.snapshotId());
        assertThat(contents(warehouse.root())).isEqualTo(before);
        try (Stream<Path> children = Files.list(warehouse.snapshotsFolder())) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactly(first.snapshotId());
        }
    }

    @Test
    void snapshotHoldsManifestAndRunReport()
            throws Exception
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01"));
        RunReport report = fixture.run();
        Path snapshot = fixture.warehouse().snapshot(report.snapshotId());
        String manifest = Files.readString(snapshot.resolve(WarehouseDirectory.MANIFEST_FILE));
        assertThat(manifest).contains("\"snapshot_id\" : \"" + report.snapshotId() + "\"", "\"as_of\" : \"2020-06-30\"", "\"layout_version\" : 1",
                "\"started_at\"", "\"finished_at\"");
        String runReport = Files.readString(snapshot.resolve(WarehouseDirectory.RUN_REPORT_FILE));
        assertThat(runReport).contains("\"cooperatives/a.csv\"", "\"rows_read\" : 1", "\"skipped_already_ingested\" : false");
        for (Table table : Table.values()) {
            assertThat(snapshot.resolve(table.tableName())).isDirectory();
        }
    }

    /** Relative path -> SHA-256 of every file under a folder. */
    private static Map<String, String> contents(Path root)
            throws IOException
    {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                try {
                    contents.put(root.relativize(path).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
                }
                catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return contents;
    }
}
