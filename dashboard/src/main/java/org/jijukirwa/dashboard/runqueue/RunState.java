package org.jijukirwa.dashboard.runqueue;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** Where a run of the queue is. {@code nothing_new}: every input file was already ingested, nothing was published. */
@Serdeable
public enum RunState
{
    QUEUED, RUNNING, PUBLISHED, NOTHING_NEW, FAILED;

    @JsonValue
    public String code()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean finished()
    {
        return this == PUBLISHED || this == NOTHING_NEW || this == FAILED;
    }
}
