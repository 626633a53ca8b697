package org.jijukirwa.warehouse.snapshot;

import org.jijukirwa.layout.SnapshotManifest;

import java.time.Instant;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** The snapshot being served, as its manifest describes it. */
public record SnapshotInfo(String id, LocalDate asOf, Instant startedAt, Instant finishedAt)
{
    public SnapshotInfo
    {
        requireNonNull(id, "id is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
    }

    /** The snapshot {@code id} as its manifest describes it (the folder's name is the id served). */
    public static SnapshotInfo of(String id, SnapshotManifest manifest)
    {
        return new SnapshotInfo(id, manifest.asOf(), manifest.startedAt(), manifest.finishedAt());
    }
}
