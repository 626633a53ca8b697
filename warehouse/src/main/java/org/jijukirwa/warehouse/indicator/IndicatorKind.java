package org.jijukirwa.warehouse.indicator;

import java.util.Locale;

/** Stock indicators are evaluated at a date, flow indicators count events over a range. */
public enum IndicatorKind
{
    STOCK,
    FLOW;

    /** The name in JSON: "stock" or "flow". */
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
