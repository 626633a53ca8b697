package org.jijukirwa.dashboard.upload;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.dashboard.runqueue.QueuedRun;

import java.util.List;

/** POST /api/v1/uploads: the files as stored (content hash, the dataset they feed, whether seen before) and the run queued for them. */
@Serdeable
public record UploadResponse(List<File> files, @Nullable QueuedRun run, String message)
{
    @Serdeable
    public record File(
            String name,
            String sha256,
            @Nullable String dataset,
            long bytes,
            @JsonProperty("already_uploaded") boolean alreadyUploaded)
    {
        static File of(Inbox.Stored stored)
        {
            InboxEntry entry = stored.entry();
            return new File(entry.name(), entry.sha256(), entry.dataset(), entry.bytes(), stored.known());
        }
    }
}
