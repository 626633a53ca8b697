package org.jijukirwa.warehouse;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How one indicator is computed: the definition the API shows, the fact it counts, and SQL aggregates
 * over that fact's rows for the numerator, the denominator and (for days) the value.
 */
record IndicatorSpec(IndicatorDefinition definition, Fact fact, String numeratorSql, Denominator denominator, Optional<String> valueSql)
{
    IndicatorSpec
    {
        requireNonNull(definition, "definition is null");
        requireNonNull(fact, "fact is null");
        requireNonNull(numeratorSql, "numeratorSql is null");
        requireNonNull(denominator, "denominator is null");
        requireNonNull(valueSql, "valueSql is null");
        for (String dimension : definition.dimensions()) {
            Dimension known = Dimension.forName(dimension).orElseThrow(() -> new IllegalArgumentException("unknown dimension " + dimension));
            if (!fact.hasDimension(known) || !denominator.supports(known)) {
                throw new IllegalArgumentException(definition.id() + " cannot be broken down by " + dimension);
            }
        }
    }

    String id()
    {
        return definition.id();
    }

    List<Dimension> dimensions()
    {
        return definition.dimensions().stream().map(name -> Dimension.forName(name).orElseThrow()).toList();
    }

    /** Where the denominator of a rate comes from. */
    sealed interface Denominator
    {
        default boolean supports(Dimension dimension)
        {
            return true;
        }
    }

    /** A count or a value: no denominator. */
    record None()
            implements Denominator
    {
    }

    /** An aggregate over the same rows as the numerator. */
    record SameFact(String sql)
            implements Denominator
    {
        SameFact
        {
            requireNonNull(sql, "sql is null");
        }
    }

    /** An aggregate over the rows of another fact, cells matched on period and dimensions. */
    record OtherFact(Fact fact, String sql)
            implements Denominator
    {
        OtherFact
        {
            requireNonNull(fact, "fact is null");
            requireNonNull(sql, "sql is null");
        }

        @Override
        public boolean supports(Dimension dimension)
        {
            return fact.hasDimension(dimension);
        }
    }

    /** The target of a cell from the targets table (see indicators.md). */
    record Target(String target)
            implements Denominator
    {
        Target
        {
            requireNonNull(target, "target is null");
        }

        @Override
        public boolean supports(Dimension dimension)
        {
            return Fact.DISTRICTS.hasDimension(dimension);
        }
    }
}
