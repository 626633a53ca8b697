package org.jijukirwa.warehouse.cooperative;

/** A well-formed cooperative id that the served snapshot does not hold: a 404. */
public class UnknownCooperativeException
        extends RuntimeException
{
    public UnknownCooperativeException(String cooperativeId, String snapshotId)
    {
        super("There is no cooperative '" + cooperativeId + "' in the data as of snapshot " + snapshotId + ".");
    }
}
