package org.jijukirwa.dashboard.runqueue;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts {@code IngestMain} in a JVM of its own, as {@code ./jijukirwa ingest} does: the Spark JVM options file, the
 * heap, the ingest's class path, Spark on loopback; output and errors in one stream (progress lines and the report).
 * The run's reference folder ({@code --reference}) holds the bundled tables and the targets as last edited.
 */
@Singleton
public final class IngestCommand
{
    private final IngestConfiguration configuration;

    public IngestCommand(IngestConfiguration configuration)
    {
        this.configuration = configuration;
    }

    Duration timeout()
    {
        return configuration.timeout();
    }

    List<String> command(Path input, Path reference, Path warehouse, Optional<Path> mapping)
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        configuration.resolvedJvmOptionsFile().ifPresent(options -> command.add("@" + options));
        command.add("-Xmx" + configuration.heap());
        command.add("-cp");
        command.add(configuration.resolvedClasspath());
        command.add("org.jijukirwa.ingest.IngestMain");
        command.addAll(List.of("--input", input.toString(), "--reference", reference.toString(), "--warehouse", warehouse.toString(), "--brief"));
        mapping.ifPresent(file -> command.addAll(List.of("--mapping", file.toString())));
        if (configuration.asOf() != null) {
            command.addAll(List.of("--as-of", configuration.asOf().toString()));
        }
        if (configuration.hmacKeyFile() != null) {
            command.addAll(List.of("--hmac-key-file", configuration.hmacKeyFile().toString()));
        }
        return command;
    }

    Process start(Path input, Path reference, Path warehouse, Optional<Path> mapping)
            throws IOException
    {
        ProcessBuilder builder = new ProcessBuilder(command(input, reference, warehouse, mapping)).redirectErrorStream(true);
        // Spark in local mode talks only to this machine
        builder.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }
}
