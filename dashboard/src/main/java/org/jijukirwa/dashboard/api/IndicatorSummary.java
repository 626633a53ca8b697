package org.jijukirwa.dashboard.api;

import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.warehouse.indicator.Indicator;

import java.util.List;

/** One entry of GET /api/v1/indicators. */
@Serdeable
public record IndicatorSummary(String id, String label, String description, String kind, String unit, List<String> dimensions)
{
    public IndicatorSummary
    {
        dimensions = List.copyOf(dimensions);
    }

    public static IndicatorSummary from(Indicator definition)
    {
        return new IndicatorSummary(definition.id(), definition.label(), definition.definition(),
                definition.kind().jsonName(), definition.unit().jsonName(), definition.dimensionNames());
    }
}
