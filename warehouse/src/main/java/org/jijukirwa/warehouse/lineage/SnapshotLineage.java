package org.jijukirwa.warehouse.lineage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What built one snapshot: its manifest's dates, the ingest runs whose files it holds (oldest first, the snapshot's
 * own run last), every input file it holds (each read once, by the run that first saw its content) and the reference
 * files it was validated against. File names are the field officers' export names: the public gets it
 * {@link #withoutFileNames}, which keeps the counts and the content hashes.
 */
public record SnapshotLineage(String snapshotId, LocalDate asOf, Instant startedAt, Instant finishedAt, List<Run> runs, List<InputFile> files,
        SortedMap<String, String> referenceFiles)
{
    public SnapshotLineage
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        runs = List.copyOf(requireNonNull(runs, "runs is null"));
        files = List.copyOf(requireNonNull(files, "files is null"));
        referenceFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(referenceFiles, "referenceFiles is null")));
    }

    /** The same lineage without the files' names: what the public sees. */
    public SnapshotLineage withoutFileNames()
    {
        return new SnapshotLineage(snapshotId, asOf, startedAt, finishedAt, runs,
                files.stream().map(file -> new InputFile(file.dataset(), Optional.empty(), file.contentSha256(), file.run(), file.rowsRead(),
                        file.accepted(), file.quarantined())).toList(),
                referenceFiles);
    }

    /** An ingest run; its dates are empty when its snapshot (and so its run report) has been removed by retention. */
    public record Run(String runId, Optional<LocalDate> asOf, Optional<Instant> startedAt, Optional<Instant> finishedAt)
    {
        public Run
        {
            requireNonNull(runId, "runId is null");
            requireNonNull(asOf, "asOf is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(finishedAt, "finishedAt is null");
        }
    }

    /**
     * One input file: its dataset, name (empty for the public), SHA-256 of its content, the run that read it and its
     * rows read, accepted and quarantined by that run (accepted and quarantined empty when that run's report is gone).
     */
    public record InputFile(String dataset, Optional<String> file, String contentSha256, String run, long rowsRead, OptionalLong accepted,
            OptionalLong quarantined)
    {
        public InputFile
        {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(file, "file is null");
            requireNonNull(contentSha256, "contentSha256 is null");
            requireNonNull(run, "run is null");
            requireNonNull(accepted, "accepted is null");
            requireNonNull(quarantined, "quarantined is null");
        }
    }
}
