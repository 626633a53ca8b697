package org.jijukirwa.ingest;

/** A run that cannot publish, with a message meant for the person who started it. */
public final class IngestException
        extends RuntimeException
{
    public IngestException(String message)
    {
        super(message);
    }

    public IngestException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
