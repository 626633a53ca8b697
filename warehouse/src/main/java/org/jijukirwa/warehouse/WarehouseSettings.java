package org.jijukirwa.warehouse;

/** How the warehouse serves answers; {@code suppressionThreshold} is the k of small-cell suppression. */
public record WarehouseSettings(int suppressionThreshold)
{
    public static final int DEFAULT_SUPPRESSION_THRESHOLD = 5;

    public WarehouseSettings
    {
        if (suppressionThreshold < 1) {
            throw new IllegalArgumentException("suppressionThreshold must be at least 1: " + suppressionThreshold);
        }
    }

    public static WarehouseSettings defaults()
    {
        return new WarehouseSettings(DEFAULT_SUPPRESSION_THRESHOLD);
    }
}
