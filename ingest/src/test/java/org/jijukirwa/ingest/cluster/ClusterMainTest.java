package org.jijukirwa.ingest.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's `cluster` command without starting Spark: arguments, and what down and status do with recorded processes. */
class ClusterMainTest
{
    @TempDir
    Path state;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void badArgumentsAreUsageErrors()
    {
        assertThat(run("up", "--state", state.toString(), "--workers", "0")).isEqualTo(2);
        assertThat(err()).contains("--workers must be a positive number, not '0'");
        assertThat(run("up", "--state", state.toString(), "--memory", "lots")).isEqualTo(2);
        assertThat(err()).contains("worker memory must be like 512m or 2g, not 'lots'");
        assertThat(run("restart", "--state", state.toString())).isEqualTo(2);
        assertThat(err()).contains("unknown command 'restart'");
        assertThat(run("status")).isEqualTo(2);
        assertThat(err()).contains("--state DIR is required");
    }

    @Test
    void withoutARecordedClusterStatusSaysSoAndDownDoesNothing()
    {
        assertThat(run("status", "--state", state.toString())).isEqualTo(3);
        assertThat(out()).contains("no cluster recorded");
        assertThat(run("down", "--state", state.toString())).isZero();
    }

    @Test
    void downStopsNoProcessThatIsNotTheRecordedSparkJvm()
            throws Exception
    {
        // a live process under a recorded pid, but not a Spark master or worker (as when a pid was reused)
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            record(stranger.pid());

            assertThat(run("status", "--state", state.toString())).isEqualTo(1);
            assertThat(out()).contains("master    pid " + stranger.pid()).contains("STOPPED");
            assertThat(run("down", "--state", state.toString())).isZero();

            assertThat(out()).contains("master (pid " + stranger.pid() + ") was not running");
            assertThat(stranger.waitFor(1, TimeUnit.SECONDS)).as("the stranger still runs").isFalse();
            assertThat(state.resolve(ClusterMain.STATE_FILE)).doesNotExist();
        }
        finally {
            stranger.destroyForcibly();
        }
    }

    private void record(long pid)
            throws Exception
    {
        Files.writeString(state.resolve(ClusterMain.STATE_FILE), String.join("\n",
                "nodes=1", "node.0.role=master", "node.0.pid=" + pid, "node.0.port=1", "node.0.webui=1", "node.0.log=" + state.resolve("master.log")));
    }

    private int run(String... args)
    {
        out.reset();
        err.reset();
        return ClusterMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }
}
