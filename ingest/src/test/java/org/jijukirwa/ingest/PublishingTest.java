package org.jijukirwa.ingest;

import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        IngestFixture fixture = IngestFixture.withOneCooperative(folder)
                .write("members/m.csv", "member_id,cooperative_id,joined_on\nMBR-1,COOP-1,2019-02-01\n");
        RunReport first = fixture.run();
        WarehouseDirectory warehouse = fixture.warehouse();
        assertThat(warehouse.currentSnapshotId()).contains(first.snapshotId());

        // A damaged members table in the current snapshot: the next run writes its cooperatives, then fails reading the
        // members it must fold again (a run that touches no member would carry the members' files without reading them).
        Path membersTable = warehouse.table(first.snapshotId(), Table.MEMBERS);
        Files.writeString(membersTable.resolve("part-99999-damaged.parquet"), "not parquet at all");
        Map<String, String> before = contents(warehouse.root());

        fixture.write("cooperatives/b.csv", cooperatives("COOP-2,two,Huye,welding,2019-01-01,2020-01-01"))
                .write("members/m2.csv", "member_id,cooperative_id,joined_on\nMBR-2,COOP-2,2019-03-01\n");
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
        IngestFixture fixture = IngestFixture.withOneCooperative(folder);
        RunReport report = fixture.run();
        Path snapshot = fixture.warehouse().snapshot(report.snapshotId());
        String manifest = Files.readString(snapshot.resolve(WarehouseDirectory.MANIFEST_FILE));
        assertThat(manifest).contains("\"snapshot_id\" : \"" + report.snapshotId() + "\"", "\"as_of\" : \"2020-06-30\"", "\"layout_version\" : 1",
                "\"started_at\"", "\"finished_at\"", "\"reference_files\"");
        String runReport = Files.readString(snapshot.resolve(WarehouseDirectory.RUN_REPORT_FILE));
        assertThat(runReport).contains("\"cooperatives/a.csv\"", "\"rows_read\" : 1", "\"skipped_already_ingested\" : false");
        for (Table table : Table.values()) {
            assertThat(snapshot.resolve(table.tableName())).isDirectory();
        }
    }

    @Test
    void manifestNamesTheHashOfEveryReferenceFileItWasBuiltWith()
            throws Exception
    {
        Path reference = Files.createDirectories(folder.resolve("edited-reference"));
        for (String name : List.of("districts.csv", "value_chains.csv", "topics.csv", "targets.csv")) {
            Files.copy(Path.of("../reference", name), reference.resolve(name));
        }
        Files.writeString(reference.resolve("targets.csv"), Files.readString(reference.resolve("targets.csv")).replaceFirst("coops_formed,11,29", "coops_formed,11,31"));
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/a.csv", cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01"));

        RunReport bundled = fixture.run();
        RunReport edited = fixture.write("cooperatives/b.csv", cooperatives("COOP-2,two,Gasabo,tailoring,2019-01-01,2020-01-01"))
                .run(LocalDate.parse("2020-06-30"), false, Optional.of(reference));

        SnapshotManifest first = SnapshotManifest.read(fixture.warehouse().snapshot(bundled.snapshotId()).resolve(WarehouseDirectory.MANIFEST_FILE));
        SnapshotManifest second = SnapshotManifest.read(fixture.warehouse().snapshot(edited.snapshotId()).resolve(WarehouseDirectory.MANIFEST_FILE));
        assertThat(first.referenceFiles()).containsOnlyKeys("districts.csv", "value_chains.csv", "topics.csv", "targets.csv");
        assertThat(first.referenceFiles().get("targets.csv")).isEqualTo(sha256(Path.of("../reference/targets.csv")));
        assertThat(second.referenceFiles().get("targets.csv")).isEqualTo(sha256(reference.resolve("targets.csv"))).isNotEqualTo(first.referenceFiles().get("targets.csv"));
        assertThat(second.referenceFiles().get("districts.csv")).isEqualTo(first.referenceFiles().get("districts.csv"));
        assertThat(second.referenceFingerprint()).isPresent().isNotEqualTo(first.referenceFingerprint());
    }

    private static String sha256(Path file)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aRunWhileAnotherWriterHoldsTheLockPublishesNothingAndSaysWhy()
            throws Exception
    {
        IngestFixture fixture = IngestFixture.withOneCooperative(folder);
        RunReport first = fixture.run();
        WarehouseDirectory warehouse = fixture.warehouse();
        fixture.write("cooperatives/b.csv", cooperatives("COOP-2,two,Huye,welding,2019-01-01,2020-01-01"));

        try (WarehouseDirectory.WriterLock other = warehouse.lockForWriting()) {
            assertThatThrownBy(fixture::run)
                    .isInstanceOf(IngestException.class)
                    .hasMessageContaining("another ingest run is writing to " + warehouse.root());
        }
        assertThat(warehouse.currentSnapshotId()).contains(first.snapshotId());
        assertThat(warehouse.snapshotIds()).containsExactly(first.snapshotId());

        // A killed run's staging folder is removed by the next run, which then publishes.
        Path dead = warehouse.staging(WarehouseDirectory.newSnapshotId(Instant.parse("2020-01-01T00:00:00Z")));
        Files.createDirectories(dead.resolve("cooperatives"));
        RunReport second = fixture.run();
        assertThat(Files.exists(dead)).isFalse();
        assertThat(warehouse.currentSnapshotId()).contains(second.snapshotId());
        assertThat(fixture.current(Table.COOPERATIVES)).hasSize(2);
    }

    @Test
    void twoRunsStartedAtOnceOnOneWarehouseLoseNoUpdate()
            throws Exception
    {
        IngestFixture one = IngestFixture.withOneCooperative(folder);
        Path otherInput = folder.resolve("other-input");
        Files.createDirectories(otherInput.resolve("cooperatives"));
        Files.writeString(otherInput.resolve("cooperatives/b.csv"), cooperatives("COOP-2,two,Huye,welding,2019-01-01,2020-01-01"));
        IngestOptions other = new IngestOptions(otherInput, one.warehouse().root(), Optional.empty(), LocalDate.of(2020, 6, 30), Optional.empty(), IngestFixture.KEY);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<RunReport> first = threads.submit(() -> {
                start.await();
                return one.run();
            });
            Future<RunReport> second = threads.submit(() -> {
                start.await();
                return new IngestJob(SparkTestSession.get(), Clock.systemUTC()).run(other);
            });
            start.countDown();
            // Each run either published or was refused because the other held the lock; a refused run is run again,
            // once both have ended (the other may still hold the lock when the refused one returns).
            boolean firstPublished = publishedOrRefusedAsBusy(first);
            boolean secondPublished = publishedOrRefusedAsBusy(second);
            if (!firstPublished) {
                one.run();
            }
            if (!secondPublished) {
                new IngestJob(SparkTestSession.get(), Clock.systemUTC()).run(other);
            }
        }
        finally {
            threads.shutdownNow();
        }

        // Without the lock both runs would build on the same (empty) warehouse and the second publish would drop the first's row.
        assertThat(one.current(Table.COOPERATIVES)).extracting(row -> row.getAs("cooperative_id").toString())
                .containsExactly("COOP-1", "COOP-2");
    }

    /** True when the run published; false when it was refused because another run held the writer lock; anything else fails the test. */
    private static boolean publishedOrRefusedAsBusy(Future<RunReport> run)
            throws InterruptedException
    {
        try {
            run.get(5, TimeUnit.MINUTES);
            return true;
        }
        catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IngestException.class).hasMessageContaining("another ingest run is writing to");
            return false;
        }
        catch (TimeoutException e) {
            throw new AssertionError("an ingest run did not finish in 5 minutes", e);
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
