package org.jijukirwa.warehouse.suppression;

import java.util.Locale;

/** Why a cell was suppressed. */
public enum Suppression
{
    SMALL_CELL,
    COMPLEMENTARY;

    /** The name in JSON: "small_cell" or "complementary". */
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
