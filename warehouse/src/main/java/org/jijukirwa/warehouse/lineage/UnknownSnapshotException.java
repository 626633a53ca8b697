package org.jijukirwa.warehouse.lineage;

/** A well-formed snapshot id that the warehouse does not hold (never published, or removed by retention): a 404. */
public class UnknownSnapshotException
        extends RuntimeException
{
    public UnknownSnapshotException(String snapshotId)
    {
        super("There is no published snapshot '" + snapshotId + "' in the warehouse.");
    }
}
