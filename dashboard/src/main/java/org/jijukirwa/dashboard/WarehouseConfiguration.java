package org.jijukirwa.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import org.jijukirwa.warehouse.WarehouseSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the warehouse folder is and how it is served. The directory can also come from
 * {@code --warehouse DIR} or the environment variable {@code JIJUKIRWA_WAREHOUSE} (see {@link Application}).
 * {@code disclosureKeyFile} holds the secret that keys the rounding of the public's person counts (docs/disclosure.md):
 * without it the server starts, but refuses those figures to the public.
 */
@ConfigurationProperties(WarehouseConfiguration.PREFIX)
public record WarehouseConfiguration(
        @Nullable Path directory,
        @Bindable(defaultValue = "5") int suppressionThreshold,
        @Bindable(defaultValue = "2s") Duration pollInterval,
        @Bindable(defaultValue = WarehouseSettings.DEFAULT_DATABASE_MEMORY_LIMIT) String databaseMemoryLimit,
        @Bindable(defaultValue = "0") int querySlots,
        @Bindable(defaultValue = "5s") Duration queryTimeout,
        @Bindable(defaultValue = "8") int queriesPerClient,
        @Bindable(defaultValue = "" + WarehouseSettings.DEFAULT_MAX_ANSWER_CELLS) int maxAnswerCells,
        @Bindable(defaultValue = "" + WarehouseSettings.DEFAULT_MAX_EXPORT_CELLS) int maxExportCells,
        @Nullable Path disclosureKeyFile)
{
    public static final String PREFIX = "jijukirwa.warehouse";
    public static final String DIRECTORY_PROPERTY = PREFIX + ".directory";
    public static final String DISCLOSURE_KEY_FILE_PROPERTY = PREFIX + ".disclosure-key-file";

    public WarehouseConfiguration
    {
        if (directory == null) {
            throw new IllegalArgumentException("No warehouse folder is configured: start with --warehouse DIR, "
                    + "set JIJUKIRWA_WAREHOUSE, or set " + DIRECTORY_PROPERTY);
        }
        if (suppressionThreshold < 1) {
            throw new IllegalArgumentException(PREFIX + ".suppression-threshold must be at least 1, not " + suppressionThreshold);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".poll-interval must be positive, not " + pollInterval);
        }
        if (querySlots < 0) {
            throw new IllegalArgumentException(PREFIX + ".query-slots must be at least 1 (or 0 for one per core), not " + querySlots);
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".query-timeout must be positive, not " + queryTimeout);
        }
        if (queriesPerClient < 1) {
            throw new IllegalArgumentException(PREFIX + ".queries-per-client must be at least 1, not " + queriesPerClient);
        }
    }

    /** The warehouse's settings; 0 query slots means one per core; the disclosure secret read from its file. */
    public WarehouseSettings settings()
    {
        try {
            return new WarehouseSettings(suppressionThreshold, databaseMemoryLimit,
                    querySlots == 0 ? WarehouseSettings.defaultQuerySlots() : querySlots, queryTimeout, disclosureSecret(),
                    maxAnswerCells, maxExportCells);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + ": " + e.getMessage(), e);
        }
    }

    /** The secret in the key file (its first line, trimmed); a configured file that is missing or empty stops the server. */
    private Optional<String> disclosureSecret()
    {
        if (disclosureKeyFile == null) {
            return Optional.empty();
        }
        String secret;
        try {
            secret = Files.readString(disclosureKeyFile, StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new IllegalArgumentException(DISCLOSURE_KEY_FILE_PROPERTY + ": cannot read " + disclosureKeyFile + ": " + e.getMessage(), e);
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException(DISCLOSURE_KEY_FILE_PROPERTY + ": " + disclosureKeyFile + " is empty; it must hold the secret");
        }
        return Optional.of(secret);
    }
}
