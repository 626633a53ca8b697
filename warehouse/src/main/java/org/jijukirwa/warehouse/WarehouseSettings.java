package org.jijukirwa.warehouse;

import org.jijukirwa.warehouse.snapshot.SnapshotLoader;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the warehouse serves answers: {@code suppressionThreshold} is k, the base the public person counts are rounded
 * to (docs/disclosure.md), {@code disclosureSecret} the secret that keys that rounding (without it public person counts
 * are refused),
 * {@code databaseMemoryLimit} the memory DuckDB may use per loaded snapshot (DuckDB's syntax, e.g.
 * {@code 320MB}; it spills to disk beyond it), {@code querySlots} how many indicator queries run at once
 * (the rest wait their turn: each query already uses every core), {@code queryTimeout} how long one query may wait for
 * a slot and then run before it is stopped with a {@link WarehouseBusyException} (one deadline per request: {@link Deadline}),
 * {@code maxAnswerCells} the cells an answer of the API holds at most (it is read whole and written as one JSON body),
 * {@code maxExportCells} the cells an export holds at most (counted before its first byte is sent, so that streaming it
 * stays within the time limit); beyond either the request is a 400 saying what to narrow.
 */
public record WarehouseSettings(int suppressionThreshold, String databaseMemoryLimit, int querySlots, Duration queryTimeout,
        Optional<String> disclosureSecret, int maxAnswerCells, int maxExportCells)
{
    /** The measured bound of an answer (RELIABILITY.md, "Hostile requests"). */
    public static final int DEFAULT_MAX_ANSWER_CELLS = 50_000;
    /** The measured bound of an export (RELIABILITY.md, "Hostile requests"). */
    public static final int DEFAULT_MAX_EXPORT_CELLS = 200_000;
    public static final int DEFAULT_SUPPRESSION_THRESHOLD = 5;
    public static final String DEFAULT_DATABASE_MEMORY_LIMIT = SnapshotLoader.DEFAULT_DATABASE_MEMORY_LIMIT;
    public static final Duration DEFAULT_QUERY_TIMEOUT = SnapshotLoader.DEFAULT_QUERY_TIMEOUT;

    public WarehouseSettings
    {
        if (suppressionThreshold < 1) {
            throw new IllegalArgumentException("suppressionThreshold must be at least 1: " + suppressionThreshold);
        }
        requireNonNull(databaseMemoryLimit, "databaseMemoryLimit is null");
        if (!databaseMemoryLimit.matches("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("databaseMemoryLimit must be a size such as 512MB or 2GB: " + databaseMemoryLimit);
        }
        if (querySlots < 1) {
            throw new IllegalArgumentException("querySlots must be at least 1: " + querySlots);
        }
        requireNonNull(queryTimeout, "queryTimeout is null");
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("queryTimeout must be positive: " + queryTimeout);
        }
        requireNonNull(disclosureSecret, "disclosureSecret is null");
        if (disclosureSecret.isPresent() && disclosureSecret.get().isBlank()) {
            throw new IllegalArgumentException("the disclosure secret is blank");
        }
        if (maxAnswerCells < 1 || maxExportCells < 1) {
            throw new IllegalArgumentException("maxAnswerCells and maxExportCells must be at least 1: " + maxAnswerCells + ", " + maxExportCells);
        }
    }

    /** Without a disclosure secret: the public is refused its person counts. */
    public WarehouseSettings(int suppressionThreshold)
    {
        this(suppressionThreshold, DEFAULT_DATABASE_MEMORY_LIMIT, defaultQuerySlots(), DEFAULT_QUERY_TIMEOUT, Optional.empty(), DEFAULT_MAX_ANSWER_CELLS,
                DEFAULT_MAX_EXPORT_CELLS);
    }

    /** These settings with the secret that keys the rounding of public person counts. */
    public WarehouseSettings withDisclosureSecret(String secret)
    {
        return new WarehouseSettings(suppressionThreshold, databaseMemoryLimit, querySlots, queryTimeout, Optional.of(requireNonNull(secret, "secret is null")),
                maxAnswerCells, maxExportCells);
    }

    public static WarehouseSettings defaults()
    {
        return new WarehouseSettings(DEFAULT_SUPPRESSION_THRESHOLD);
    }

    /** One query per core. */
    public static int defaultQuerySlots()
    {
        return Runtime.getRuntime().availableProcessors();
    }
}
