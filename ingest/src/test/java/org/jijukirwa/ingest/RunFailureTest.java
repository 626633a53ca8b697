package org.jijukirwa.ingest;

import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A run that fails on the machine (a full disk, a warehouse it cannot write) ends with one line saying so and what
 * was kept, with real failures of this machine's file systems (Linux: /dev/full, sysfs, a tmpfs mounted by root).
 */
class RunFailureTest
{
    @TempDir
    Path folder;

    @Test
    void aFullDiskIsSaidInWordsWhateverWrapsIt()
    {
        assumeThat(Path.of("/dev/full")).exists();
        Throwable full = catchWrite(Path.of("/dev/full"));
        // as Spark wraps a task's failure: the disk full two causes down
        RuntimeException wrapped = new IllegalStateException("[TASK_WRITE_FAILED] Task failed while writing rows to file:/w/.staging-x",
                new RuntimeException("Job aborted", full));
        assertThat(RunFailure.cause(wrapped, Path.of("/w"))).isEqualTo("the disk holding the warehouse /w is full (No space left on device): "
                + "free some space there (df -h /w) and run again; the run's unfinished files were removed");
    }

    @Test
    void aWarehouseThatCannotBeWrittenIsOneLineAndNothingElse()
    {
        Path unwritable = Path.of("/sys/jijukirwa-warehouse");
        assumeThat(catchWrite(unwritable.resolve("probe"))).isInstanceOf(IOException.class);  // sysfs refuses even root
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives/a.csv", IngestFixture.cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(err, "--input", fixture.input().toString(), "--warehouse", unwritable.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
                .startsWith("ingest: nothing published: permission denied writing under the warehouse /sys/jijukirwa-warehouse (")
                .endsWith("run the ingest as the user who owns the warehouse, or fix its permissions\n");
    }

    /** A warehouse on a 2 MB tmpfs: one run fits, the disk is then filled, and the next run fails cleanly. Needs root (mount). */
    @Test
    void aDiskThatFillsDuringARunPublishesNothingKeepsCurrentAndLeavesNoStaging()
            throws Exception
    {
        Path mountPoint = Files.createDirectories(folder.resolve("small-disk"));
        assumeThat(command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.toString())).as("mount a tmpfs (root only)").isZero();
        try {
            Path warehouse = mountPoint.resolve("warehouse");
            IngestFixture fixture = new IngestFixture(folder).write("cooperatives/a.csv", IngestFixture.cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,"));
            assertThat(run(new ByteArrayOutputStream(), "--input", fixture.input().toString(), "--warehouse", warehouse.toString(), "--as-of", "2020-06-30"))
                    .isZero();
            String current = new WarehouseDirectory(warehouse).currentSnapshotId().orElseThrow();
            fill(mountPoint.resolve("filler"));
            fixture.write("cooperatives/b.csv", IngestFixture.cooperatives("COOP-2,two,Huye,tailoring,2019-01-01,"));

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = run(err, "--input", fixture.input().toString(), "--warehouse", warehouse.toString(), "--as-of", "2020-06-30");

            assertThat(code).isEqualTo(1);
            // the progress line of the reading step, then the failure's one line
            assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("[ingest] ")).toList())
                    .containsExactly("ingest: nothing published: the disk holding the warehouse " + warehouse
                    + " is full (No space left on device): free some space there (df -h " + warehouse + ") and run again; the run's unfinished files were removed"
                    + "; CURRENT still names " + current + ", unchanged");
            assertThat(new WarehouseDirectory(warehouse).currentSnapshotId()).contains(current);
            try (Stream<Path> snapshots = Files.list(new WarehouseDirectory(warehouse).snapshotsFolder())) {
                assertThat(snapshots.map(path -> path.getFileName().toString()).toList()).containsExactly(current);
            }
        }
        finally {
            command("umount", "-l", mountPoint.toString());  // lazily: the JVM may still hold a file open there
        }
    }

    private static int run(ByteArrayOutputStream err, String... args)
    {
        SparkTestSession.get();
        return IngestMain.run(args, Map.of("JIJUKIRWA_HMAC_KEY", "k"), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Throwable catchWrite(Path file)
    {
        try {
            Files.write(file, new byte[1 << 16]);
            return null;
        }
        catch (IOException e) {
            return e;
        }
    }

    private static void fill(Path file)
    {
        assertThatThrownBy(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                }
            }
        }).hasMessageContaining("No space left on device");
    }

    private static int command(String... command)
            throws IOException, InterruptedException
    {
        try {
            return new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        catch (IOException e) {
            return -1;  // no such command here
        }
    }
}
