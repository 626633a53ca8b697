package org.jijukirwa.warehouse.indicator;

import java.util.Locale;
import java.util.Optional;

/** The period length of a time series. */
public enum Grain
{
    MONTH,
    QUARTER,
    YEAR;

    /** The query parameter value: month, quarter or year. */
    public String parameterValue()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Grain> fromParameterValue(String value)
    {
        for (Grain grain : values()) {
            if (grain.parameterValue().equals(value)) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }
}
