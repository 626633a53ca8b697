package org.jijukirwa.warehouse.indicator;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One indicator of indicators.md: a line of {@link IndicatorCatalogue}. {@code numerator} is a SQL aggregate over
 * the rows of its {@link Fact}, {@code denominator} where the denominator of a rate comes from; for a value in
 * days, {@code numerator} is the days and {@code denominator} the cell's population (a cell without any is
 * left out). {@code definition} is the definition as indicators.md words it.
 */
public record Indicator(String id, IndicatorKind kind, IndicatorUnit unit, Fact fact, String numerator, Denominator denominator,
        String label, String definition)
{
    public Indicator
    {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(fact, "fact is null");
        requireNonNull(numerator, "numerator is null");
        requireNonNull(denominator, "denominator is null");
        requireNonNull(label, "label is null");
        requireNonNull(definition, "definition is null");
        if ((unit == IndicatorUnit.COUNT) != (denominator instanceof None)) {
            throw new IllegalArgumentException(id + ": a count has no denominator, a rate or a value in days has one");
        }
    }

    /** The dimensions it can be broken down and filtered by: those of its fact that its denominator has too. */
    public List<Dimension> dimensions()
    {
        return Arrays.stream(Dimension.values())
                .filter(dimension -> fact.dimensions().contains(dimension) && denominator.supports(dimension))
                .toList();
    }

    public List<String> dimensionNames()
    {
        return dimensions().stream().map(Dimension::parameterName).toList();
    }

    /** Whether it counts persons: the public view protects its counts (docs/disclosure.md). */
    public boolean countsPersons()
    {
        return fact.countsPersons();
    }

    /** Where the denominator of a rate comes from. */
    public sealed interface Denominator
    {
        default boolean supports(Dimension dimension)
        {
            return true;
        }
    }

    /** A count: no denominator. */
    public record None()
            implements Denominator
    {
    }

    /** An aggregate over the same rows as the numerator. */
    public record SameFact(String sql)
            implements Denominator
    {
        public SameFact
        {
            requireNonNull(sql, "sql is null");
        }
    }

    /** An aggregate over the rows of another fact, cells matched on period and dimensions. */
    public record OtherFact(Fact fact, String sql)
            implements Denominator
    {
        public OtherFact
        {
            requireNonNull(fact, "fact is null");
            requireNonNull(sql, "sql is null");
        }

        @Override
        public boolean supports(Dimension dimension)
        {
            return fact.dimensions().contains(dimension);
        }
    }

    /** The target of a cell (see indicators.md), from the fact {@link Fact#DISTRICT_TARGETS}. */
    public record Target(String target)
            implements Denominator
    {
        public Target
        {
            requireNonNull(target, "target is null");
        }

        @Override
        public boolean supports(Dimension dimension)
        {
            return Fact.DISTRICT_TARGETS.dimensions().contains(dimension);
        }
    }
}
