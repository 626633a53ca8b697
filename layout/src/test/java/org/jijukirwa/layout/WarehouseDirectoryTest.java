package org.jijukirwa.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseDirectoryTest
{
    @TempDir
    Path root;

    @Test
    void snapshotIdsSortByStartTime()
    {
        String earlier = WarehouseDirectory.newSnapshotId(Instant.parse("2026-01-02T03:04:05.678Z"));
        String later = WarehouseDirectory.newSnapshotId(Instant.parse("2026-01-02T03:04:06.001Z"));

        assertThat(earlier).startsWith("20260102T030405678Z-");
        assertThat(WarehouseDirectory.isSnapshotId(earlier)).isTrue();
        assertThat(earlier).isLessThan(later);
        assertThat(WarehouseDirectory.isSnapshotId("../etc")).isFalse();
    }

    @Test
    void emptyWarehouseHasNoCurrentSnapshot()
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);

        assertThat(warehouse.currentSnapshotId()).isEmpty();
        assertThat(warehouse.snapshotIds()).isEmpty();
    }

    @Test
    void publishMovesTheStagedSnapshotIntoPlaceAndPointsCurrentAtIt()
            throws IOException
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        String first = publish(warehouse, "2026-01-01T00:00:00Z", "first");
        String second = stage(warehouse, "2026-01-02T00:00:00Z", "second");

        // Staged but not yet published: readers still see the first snapshot only.
        assertThat(warehouse.currentSnapshotId()).contains(first);
        assertThat(warehouse.snapshotIds()).containsExactly(first);

        warehouse.publish(second);

        assertThat(warehouse.currentSnapshotId()).contains(second);
        assertThat(warehouse.snapshotIds()).containsExactly(first, second);
        assertThat(Files.exists(warehouse.staging(second))).isFalse();
        assertThat(Files.readString(warehouse.table(second, Table.COOPERATIVES).resolve("part-0.parquet"))).isEqualTo("second");
        assertThat(Files.readString(warehouse.table(first, Table.COOPERATIVES).resolve("part-0.parquet"))).isEqualTo("first");
    }

    @Test
    void publishingWithoutAStagedSnapshotLeavesCurrentAlone()
            throws IOException
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        String first = publish(warehouse, "2026-01-01T00:00:00Z", "first");

        String missing = WarehouseDirectory.newSnapshotId(Instant.parse("2026-01-03T00:00:00Z"));
        assertThatThrownBy(() -> warehouse.publish(missing)).isInstanceOf(NoSuchFileException.class);
        assertThat(warehouse.currentSnapshotId()).contains(first);
    }

    @Test
    void currentNamingSomethingElseIsAnError()
            throws IOException
    {
        Files.writeString(root.resolve(WarehouseDirectory.CURRENT_FILE), "../../etc\n");

        assertThatThrownBy(() -> new WarehouseDirectory(root).currentSnapshotId())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not name a snapshot");
    }

    @Test
    void tablesAreFoundByTheirFolderName()
    {
        assertThat(Table.forName("members")).isEqualTo(Table.MEMBERS);
        assertThat(Table.MEMBERS.columnNames()).contains("person_key").doesNotContain("national_id", "full_name", "phone");
        assertThatThrownBy(() -> Table.forName("people")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock()
            throws IOException
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        try (WarehouseDirectory.WriterLock first = warehouse.lockForWriting()) {
            assertThatThrownBy(() -> new WarehouseDirectory(root).lockForWriting())
                    .isInstanceOf(WarehouseDirectory.WarehouseBusyException.class)
                    .hasMessageContaining("another ingest run is writing to " + root.toAbsolutePath().normalize());
        }
        // Released: the next writer gets it.
        warehouse.lockForWriting().close();
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndReleasedWhenThatProcessIsKilled()
            throws Exception
    {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriterLockHolder.class.getName(), root.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo(WriterLockHolder.LOCKED);

            assertThatThrownBy(() -> new WarehouseDirectory(root).lockForWriting())
                    .isInstanceOf(WarehouseDirectory.WarehouseBusyException.class);

            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            new WarehouseDirectory(root).lockForWriting().close();
        }
        finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void takingTheLockRemovesTheStagingFoldersOfDeadRunsAndNothingElse()
            throws IOException
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        String published = publish(warehouse, "2026-01-01T00:00:00Z", "published");
        String dead = stage(warehouse, "2026-01-02T00:00:00Z", "left by a killed run");

        try (WarehouseDirectory.WriterLock lock = warehouse.lockForWriting()) {
            assertThat(lock.removedStagingFolders()).containsExactly(warehouse.staging(dead).getFileName().toString());
        }

        assertThat(Files.exists(warehouse.staging(dead))).isFalse();
        assertThat(warehouse.currentSnapshotId()).contains(published);
        assertThat(Files.readString(warehouse.table(published, Table.COOPERATIVES).resolve("part-0.parquet"))).isEqualTo("published");
    }

    /** Stages a snapshot and publishes it. */
    private static String publish(WarehouseDirectory warehouse, String startedAt, String content)
            throws IOException
    {
        String id = stage(warehouse, startedAt, content);
        warehouse.publish(id);
        return id;
    }

    private static String stage(WarehouseDirectory warehouse, String startedAt, String content)
            throws IOException
    {
        String id = WarehouseDirectory.newSnapshotId(Instant.parse(startedAt));
        Path table = warehouse.staging(id).resolve(Table.COOPERATIVES.tableName());
        Files.createDirectories(table);
        Files.writeString(table.resolve("part-0.parquet"), content);
        return id;
    }
}
