package org.jijukirwa.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Spark ingest in its own JVM, as the launcher does: the ingest module's compiled classes and runtime
 * class path (../ingest, built earlier in the reactor) with the Spark JVM options of ../ingest/spark-jvm.options.
 */
final class IngestProcess
{
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private IngestProcess()
    {
    }

    /** Runs {@code IngestMain} with the arguments, its output going to the log file; fails the test unless it exits 0. */
    static void run(List<String> arguments, Path log)
            throws IOException, InterruptedException
    {
        Path ingest = REPOSITORY.resolve("ingest");
        String classpath = ingest.resolve("target/classes") + File.pathSeparator
                + Files.readString(ingest.resolve("target/runtime-classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + ingest.resolve("spark-jvm.options"),
                "-Xmx2g",
                "-cp", classpath,
                "org.jijukirwa.ingest.IngestMain"));
        command.addAll(arguments);
        runCommand(command, Map.of(), log);
    }

    /** Runs a command with extra environment variables, its output going to the log file; fails the test unless it exits 0 within 5 minutes. */
    static void runCommand(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException
    {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("ingest finished with exit 0; its output:%n%s", Files.readString(log))
                .isTrue();
    }
}
