package org.jijukirwa.warehouse;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The indicators the warehouse answers, in the order of indicators.md. */
public final class IndicatorCatalogue
{
    private final List<IndicatorSpec> specs;
    private final List<IndicatorDefinition> indicators;

    IndicatorCatalogue(List<IndicatorSpec> specs)
    {
        this.specs = List.copyOf(requireNonNull(specs, "specs is null"));
        this.indicators = this.specs.stream().map(IndicatorSpec::definition).toList();
    }

    /** The catalogue of indicators.md. */
    public static IndicatorCatalogue standard()
    {
        return new IndicatorCatalogue(Indicators.ALL);
    }

    public List<IndicatorDefinition> indicators()
    {
        return indicators;
    }

    public Optional<IndicatorDefinition> find(String id)
    {
        return spec(id).map(IndicatorSpec::definition);
    }

    Optional<IndicatorSpec> spec(String id)
    {
        return specs.stream().filter(spec -> spec.id().equals(id)).findFirst();
    }
}
