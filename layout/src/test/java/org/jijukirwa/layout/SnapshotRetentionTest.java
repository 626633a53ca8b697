package org.jijukirwa.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotRetentionTest
{
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void prunesWhatThePolicyDoesNotKeepAndLeavesSharedFilesToTheSnapshotsThatKeepThem()
            throws Exception
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        String oldest = publish(warehouse, NOW.minus(Duration.ofDays(30)), null);
        String read = publish(warehouse, NOW.minus(Duration.ofDays(20)), null);
        String young = publish(warehouse, NOW.minus(Duration.ofDays(1)), warehouse.table(oldest, Table.MEMBERS).resolve("part-0.parquet"));
        String current = publish(warehouse, NOW.minus(Duration.ofHours(1)), null);
        SnapshotRetention retention = new SnapshotRetention(1, Duration.ofDays(2));

        try (AutoCloseable lease = warehouse.readSnapshot(read)) {
            assertThat(retention.review(warehouse, NOW)).extracting(SnapshotRetention.Entry::keptBecause).map(reason -> reason.orElse("-"))
                    .containsExactly("-", "read by a server", "younger than 2 days", "current");
            assertThat(retention.prune(warehouse, NOW)).containsExactly(oldest);
            assertThat(warehouse.snapshotIds()).containsExactly(read, young, current);
        }
        // the file the young snapshot shared with the oldest one stays, whole, with its one remaining name
        Path shared = warehouse.table(young, Table.MEMBERS).resolve("part-0.parquet");
        assertThat(Files.readString(shared)).isEqualTo("rows of " + oldest);
        assertThat(Files.getAttribute(shared, "unix:nlink")).isEqualTo(1);

        // once no server reads it, the next prune removes it; CURRENT's snapshot is never removed, even beyond every limit
        assertThat(retention.prune(warehouse, NOW.plus(Duration.ofDays(100)))).containsExactly(read, young);
        assertThat(warehouse.snapshotIds()).containsExactly(current);
        assertThat(warehouse.currentSnapshotId()).contains(current);
        assertThatThrownBy(() -> warehouse.removeSnapshot(current)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnapshotBeingPrunedCannotBeLoadedAndOneLoadedTwiceInAJvmStaysReadUntilBothLet()
            throws Exception
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        String old = publish(warehouse, NOW.minus(Duration.ofDays(30)), null);
        publish(warehouse, NOW, null);

        AutoCloseable first = warehouse.readSnapshot(old);
        AutoCloseable second = warehouse.readSnapshot(old);
        first.close();
        first.close();
        assertThat(warehouse.isBeingRead(old)).isTrue();
        second.close();
        assertThat(warehouse.isBeingRead(old)).isFalse();
        assertThat(warehouse.removeSnapshot(old)).isTrue();
        assertThatThrownBy(() -> warehouse.readSnapshot(old)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void theCommandListsAndPrunesAndRefusesBadOptions()
            throws Exception
    {
        WarehouseDirectory warehouse = new WarehouseDirectory(root);
        String old = publish(warehouse, NOW.minus(Duration.ofDays(30)), null);
        String current = publish(warehouse, NOW, null);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] list = {"list", "--warehouse", root.toString(), "--keep-last", "1", "--keep-days", "7"};
        assertThat(SnapshotsMain.run(list, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err), NOW)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(old + " ", "no: prune removes it", current + " ", "current");

        out.reset();
        String[] prune = {"prune", "--warehouse", root.toString(), "--keep-last", "1"};
        assertThat(SnapshotsMain.run(prune, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err), NOW)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("removed " + old, "1 snapshot(s) removed, 1 kept");

        err.reset();
        String[] bad = {"prune", "--warehouse", root.toString(), "--keep-last", "0"};
        assertThat(SnapshotsMain.run(bad, new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8), NOW)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("keep at least the last snapshot");
        assertThat(warehouse.snapshotIds()).containsExactly(current);
    }

    /** Publishes a snapshot started at a time; its members file a hard link to {@code sharedFile} when given. */
    private static String publish(WarehouseDirectory warehouse, Instant startedAt, Path sharedFile)
            throws IOException
    {
        String id = WarehouseDirectory.newSnapshotId(startedAt);
        Path staging = warehouse.staging(id);
        Path members = staging.resolve(Table.MEMBERS.tableName());
        Files.createDirectories(members);
        Files.writeString(staging.resolve(WarehouseDirectory.MANIFEST_FILE), "{\"snapshot_id\": \"" + id + "\"}\n");
        if (sharedFile == null) {
            Files.writeString(members.resolve("part-0.parquet"), "rows of " + id);
        }
        else {
            Files.createLink(members.resolve("part-0.parquet"), sharedFile);
        }
        warehouse.publish(id);
        return id;
    }
}
