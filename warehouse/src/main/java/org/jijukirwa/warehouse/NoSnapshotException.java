package org.jijukirwa.warehouse;

/** Nothing has been published yet, so there is nothing to answer from. */
public class NoSnapshotException
        extends RuntimeException
{
    public NoSnapshotException()
    {
        super("No snapshot has been published yet.");
    }
}
