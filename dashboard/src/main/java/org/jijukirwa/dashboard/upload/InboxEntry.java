package org.jijukirwa.dashboard.upload;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One file in the inbox: its place in the upload order, its content hash (the name it is stored under), the name
 * it was uploaded with, the dataset it feeds (null: a field export whose form names it) or "mapping", who uploaded it and when.
 */
@Serdeable
public record InboxEntry(
        long sequence,
        String sha256,
        String name,
        @Nullable String dataset,
        long bytes,
        @JsonProperty("uploaded_at") Instant uploadedAt,
        @Nullable String user)
{
    public static final String MAPPING = "mapping";

    public boolean isMapping()
    {
        return MAPPING.equals(dataset);
    }
}
