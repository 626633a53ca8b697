package org.jijukirwa.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One run's settings, as the command line gives them. {@code allowDatasetLoss}: publish even when the run would
 * lose a dataset (see {@link DatasetChecks}).
 */
public record IngestOptions(Path input, Path warehouse, Optional<Path> mapping, LocalDate asOf, Optional<Path> reference, byte[] hmacKey,
                            boolean allowDatasetLoss)
{
    public IngestOptions
    {
        requireNonNull(input, "input is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(mapping, "mapping is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(hmacKey, "hmacKey is null");
        hmacKey = hmacKey.clone();
    }

    /** Settings that refuse to lose a dataset. */
    public IngestOptions(Path input, Path warehouse, Optional<Path> mapping, LocalDate asOf, Optional<Path> reference, byte[] hmacKey)
    {
        this(input, warehouse, mapping, asOf, reference, hmacKey, false);
    }

    @Override
    public byte[] hmacKey()
    {
        return hmacKey.clone();
    }

    @Override
    public String toString()
    {
        // the key stays out of logs
        return "IngestOptions[input=" + input + ", warehouse=" + warehouse + ", mapping=" + mapping + ", asOf=" + asOf + ", reference=" + reference + ", allowDatasetLoss=" + allowDatasetLoss + "]";
    }
}
