package org.jijukirwa.dashboard.runqueue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One run of the queue as GET /api/v1/run-queue shows it: why and by whom it was queued, its state, while running
 * the last stage the ingest finished with its rows, when failed a one-line message, when published the snapshot.
 */
@Serdeable
public record QueuedRun(
        String id,
        RunState state,
        String cause,
        @Nullable String user,
        @JsonProperty("queued_at") Instant queuedAt,
        @JsonProperty("started_at") @Nullable Instant startedAt,
        @JsonProperty("finished_at") @Nullable Instant finishedAt,
        @Nullable String stage,
        @Nullable Long rows,
        @Nullable String progress,
        @Nullable String message,
        @Nullable String snapshot,
        @JsonProperty("mapping_sha256") @Nullable String mappingSha256)
{
    QueuedRun running(Instant at)
    {
        return new QueuedRun(id, RunState.RUNNING, cause, user, queuedAt, at, null, null, null, null, null, null, mappingSha256);
    }

    QueuedRun progressed(ProgressLine line)
    {
        return new QueuedRun(id, state, cause, user, queuedAt, startedAt, finishedAt, line.stage(), line.rows() == null ? rows : line.rows(),
                line.text(), message, snapshot, mappingSha256);
    }

    QueuedRun finished(RunState end, Instant at, @Nullable String endMessage, @Nullable String publishedSnapshot)
    {
        return new QueuedRun(id, end, cause, user, queuedAt, startedAt, at, stage, rows, progress, endMessage, publishedSnapshot, mappingSha256);
    }

    QueuedRun withCause(String moreCause, @Nullable String mapping)
    {
        return new QueuedRun(id, state, cause + "; " + moreCause, user, queuedAt, startedAt, finishedAt, stage, rows, progress, message, snapshot,
                mapping == null ? mappingSha256 : mapping);
    }
}
