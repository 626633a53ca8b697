package org.jijukirwa.warehouse.indicator;

import static java.util.Objects.requireNonNull;

public class UnknownIndicatorException
        extends RuntimeException
{
    private final String indicatorId;

    public UnknownIndicatorException(String indicatorId)
    {
        super("There is no indicator named '" + requireNonNull(indicatorId, "indicatorId is null") + "'.");
        this.indicatorId = indicatorId;
    }

    public String indicatorId()
    {
        return indicatorId;
    }
}
