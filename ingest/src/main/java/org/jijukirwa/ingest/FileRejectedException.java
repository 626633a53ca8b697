package org.jijukirwa.ingest;

import static java.util.Objects.requireNonNull;

/** Thrown while planning a file that must be rejected as a whole (see {@link FileRejection}); the run goes on without it. */
final class FileRejectedException
        extends java.io.IOException
{
    private final transient FileRejection rejection;

    FileRejectedException(FileRejection rejection)
    {
        super(rejection.message());
        this.rejection = requireNonNull(rejection, "rejection is null");
    }

    FileRejection rejection()
    {
        return rejection;
    }
}
