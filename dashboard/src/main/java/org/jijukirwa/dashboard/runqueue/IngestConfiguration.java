package org.jijukirwa.dashboard.runqueue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How the server starts an ingest run ({@code jijukirwa.ingest.*}). The launcher's {@code serve} and {@code demo}
 * set the class path and the Spark JVM options file; without them the server uses the ingest module of the
 * repository it runs in ({@code ../ingest/target}, as the tests do). {@code as-of}: the runs' as-of date (the
 * demo's sample date), else today; {@code hmac-key-file}: else the ingest reads JIJUKIRWA_HMAC_KEY_FILE or JIJUKIRWA_HMAC_KEY.
 */
@ConfigurationProperties("jijukirwa.ingest")
public record IngestConfiguration(
        @Nullable String classpath,
        @Nullable Path jvmOptionsFile,
        @Bindable(defaultValue = "2g") String heap,
        @Nullable LocalDate asOf,
        @Nullable Path hmacKeyFile,
        @Bindable(defaultValue = "30m") Duration timeout)
{
    static final Path REPOSITORY_INGEST = Path.of("..", "ingest");

    /** The class path of the ingest JVM: as configured, else the repository's ingest module. */
    String resolvedClasspath()
    {
        if (classpath != null && !classpath.isBlank()) {
            return classpath;
        }
        Path ingest = REPOSITORY_INGEST.toAbsolutePath().normalize();
        Path runtime = ingest.resolve("target/runtime-classpath.txt");
        if (!Files.isRegularFile(runtime)) {
            throw new IllegalStateException("the server does not know how to start an ingest run: set jijukirwa.ingest.classpath "
                    + "(./jijukirwa serve sets it), or build the ingest module (" + runtime + " is missing)");
        }
        try {
            return ingest.resolve("target/classes") + File.pathSeparator + Files.readString(runtime).trim();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Path> resolvedJvmOptionsFile()
    {
        if (jvmOptionsFile != null) {
            return Optional.of(jvmOptionsFile);
        }
        Path inRepository = REPOSITORY_INGEST.resolve("spark-jvm.options").toAbsolutePath().normalize();
        return Files.isRegularFile(inRepository) ? Optional.of(inRepository) : Optional.empty();
    }
}
