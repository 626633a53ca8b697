package org.jijukirwa.warehouse.indicator;

import java.util.Locale;

public enum IndicatorUnit
{
    COUNT,
    RATE,
    DAYS;

    /** The name in JSON: "count", "rate" or "days". */
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
