package org.jijukirwa.warehouse;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What the API catalogue shows of an indicator; {@code description} is the definition text of indicators.md. */
public record IndicatorDefinition(String id, String label, String description, IndicatorKind kind,
        IndicatorUnit unit, List<String> dimensions, boolean countsPersons)
{
    public IndicatorDefinition
    {
        requireNonNull(id, "id is null");
        requireNonNull(label, "label is null");
        requireNonNull(description, "description is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(unit, "unit is null");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    }
}
