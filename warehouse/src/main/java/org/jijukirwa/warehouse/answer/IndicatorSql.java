package org.jijukirwa.warehouse.answer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jijukirwa.warehouse.disclosure.BaseCells;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Fact;
import org.jijukirwa.warehouse.indicator.Indicator.OtherFact;
import org.jijukirwa.warehouse.indicator.Indicator.SameFact;
import org.jijukirwa.warehouse.indicator.Indicator.Target;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.Period;
import org.jijukirwa.warehouse.snapshot.SqlResources;

/**
 * Generates the SQL of one resolved query: the query's {@code periods}, the fact files it reads, then only
 * selects, filters and group bys of the catalogue's measures. Identifiers come only from the catalogue and the
 * {@link Dimension} allow-list; every value of the request is a parameter. The result has the columns
 * {@code period}, one per by-dimension (named as the dimension), {@code numerator}, {@code denominator},
 * {@code value} (computed here for every unit) and {@code cell_size} (the count, a rate's denominator, the
 * population of a value in days), holding only cells with a non-zero count or size, sorted by period then the
 * by-columns. With a {@link Protection} (the public view of an indicator that counts people) the measures read the
 * fact's protected base cells ({@link BaseCells}) instead of the fact, or, for persons_reached, each answer cell's count
 * is rounded keyed by its canonical cell ({@link PersonsCellKey}): docs/disclosure.md.
 */
public final class IndicatorSql
{
    private IndicatorSql()
    {
    }

    /** The exact answer: the manager's view, and every indicator that does not count people. */
    public static SqlStatement build(ResolvedQuery query)
    {
        return build(query, Optional.empty());
    }

    /** The answer, protected when a protection is given and the indicator counts people. */
    public static SqlStatement build(ResolvedQuery query, Optional<Protection> protection)
    {
        Indicator indicator = query.indicator();
        Optional<Protection> applied = protection.filter(ignored -> indicator.countsPersons());
        if (applied.isPresent() && !BaseCells.protects(indicator.fact())
                && (indicator.fact() != Fact.PERSON_STOCK || !(indicator.denominator() instanceof Indicator.None))) {
            throw new IllegalStateException("no protection of the public figures of " + indicator.id() + " is defined (docs/disclosure.md)");
        }
        SqlStatement sql = new SqlStatement();
        periods(sql, query);
        for (Fact fact : factsRead(indicator)) {
            sql.append(fact.tableName()).append(" as (\n").append(SqlResources.read("facts/" + fact.tableName()).strip()).append("\n),\n\n");
        }
        String numeratorTable = indicator.fact().tableName();
        if (applied.isPresent() && BaseCells.protects(indicator.fact())) {
            numeratorTable = BaseCells.tableName(indicator.fact());
            sql.append(numeratorTable).append(" as (\n").append(BaseCells.sql(indicator.fact(), applied.get().base()).orElseThrow()).append("\n),\n\n");
        }

        sql.append("numerators as (\n");
        String measures = "        " + indicator.numerator() + " as numerator"
                + (indicator.denominator() instanceof SameFact same ? ",\n        " + same.sql() + " as denominator" : "");
        aggregate(sql, query, numeratorTable, measures);
        sql.append("),\n\n");

        if (indicator.denominator() instanceof OtherFact other) {
            sql.append("denominators as (\n");
            aggregate(sql, query, other.fact().tableName(), "        " + other.sql() + " as denominator");
            sql.append("),\n\n");
            joinedCells(sql, query);
        }
        else if (indicator.denominator() instanceof Target target) {
            sql.append("denominators as (\n");
            targets(sql, query, target);
            sql.append("),\n\n");
            joinedCells(sql, query);
        }
        else if (applied.isPresent() && indicator.fact() == Fact.PERSON_STOCK) {
            // persons do not add up over cells: each answer cell is rounded on its own, keyed by its canonical cell
            sql.append("cells as (\n");
            selectKeys(sql, query);
            sql.append("        protected_count(numerator, ").append(Integer.toString(applied.get().base())).append(", ");
            PersonsCellKey.append(sql, query, applied.get().reference());
            sql.append(") as numerator\n    from numerators\n),\n\n");
        }
        else {
            sql.append("cells as (\n    select * from numerators\n),\n\n");
        }

        finalCells(sql, query);
        sql.append("select * from final\nwhere coalesce(numerator, 0) <> 0 or coalesce(cell_size, 0) <> 0\norder by period");
        for (Dimension dimension : query.by()) {
            sql.append(", ").append(dimension.parameterName());
        }
        return sql;
    }

    /** The facts the query reads, each after the facts its file reads, each once. */
    private static Set<Fact> factsRead(Indicator indicator)
    {
        Set<Fact> facts = new LinkedHashSet<>();
        addWithReads(facts, indicator.fact());
        if (indicator.denominator() instanceof OtherFact other) {
            addWithReads(facts, other.fact());
        }
        if (indicator.denominator() instanceof Target) {
            addWithReads(facts, Fact.DISTRICT_TARGETS);
        }
        return facts;
    }

    private static void addWithReads(Set<Fact> facts, Fact fact)
    {
        fact.reads().forEach(read -> addWithReads(facts, read));
        facts.add(fact);
    }

    private static void periods(SqlStatement sql, ResolvedQuery query)
    {
        sql.append("with periods as (\n    select * from (values ");
        List<Period> periods = query.periods();
        for (int index = 0; index < periods.size(); index++) {
            Period period = periods.get(index);
            sql.append(index > 0 ? ", (" : "(")
                    .parameter(period.key().orElse(null), "::varchar").append(", ")
                    .parameter(period.from(), "::date").append(", ")
                    .parameter(period.to(), "::date").append(")");
        }
        sql.append(") as periods (period, period_from, period_to)\n),\n\n");
    }

    /** One row per period and by-cell of a fact, with the measures given. */
    private static void aggregate(SqlStatement sql, ResolvedQuery query, String table, String measures)
    {
        selectKeys(sql, query);
        sql.append(measures).append("\n");
        sql.append("    from ").append(table).append("\n");
        filters(sql, query);
        sql.append("    group by all\n");
    }

    private static void selectKeys(SqlStatement sql, ResolvedQuery query)
    {
        sql.append("    select\n        period,\n");
        for (Dimension dimension : query.by()) {
            sql.append("        ").append(dimension.parameterName()).append(",\n");
        }
    }

    private static void filters(SqlStatement sql, ResolvedQuery query)
    {
        sql.append("    where true\n");
        for (Map.Entry<Dimension, List<String>> filter : query.filters().entrySet()) {
            sql.append("        and ").append(filter.getKey().parameterName()).append(" in ").parameterList(filter.getValue()).append("\n");
        }
    }

    /**
     * The target of each cell: the sum of its districts' targets when every district of the cell has one;
     * otherwise the programme-wide target for the whole-programme cell, and null for any other cell.
     */
    private static void targets(SqlStatement sql, ResolvedQuery query, Target target)
    {
        selectKeys(sql, query);
        sql.append("        case\n")
                .append("            when count(target_value) = count(*) then sum(target_value)\n")
                .append("            when ").parameter(query.isWholeProgramme(), "::boolean").append(" then any_value(programme_target_value)\n")
                .append("        end as denominator\n")
                .append("    from ").append(Fact.DISTRICT_TARGETS.tableName()).append("\n");
        filters(sql, query);
        sql.append("        and target = ").parameter(target.target(), "::varchar").append("\n");
        sql.append("    group by all\n");
    }

    /** Numerators and denominators from different rows, matched on period and by-cells. */
    private static void joinedCells(SqlStatement sql, ResolvedQuery query)
    {
        sql.append("cells as (\n    select\n        coalesce(numerators.period, denominators.period) as period,\n");
        for (Dimension dimension : query.by()) {
            String name = dimension.parameterName();
            sql.append("        coalesce(numerators.").append(name).append(", denominators.").append(name).append(") as ").append(name).append(",\n");
        }
        sql.append("""
                        coalesce(numerators.numerator, 0) as numerator,
                        denominators.denominator
                    from numerators
                    full outer join denominators
                        on numerators.period is not distinct from denominators.period
                """);
        for (Dimension dimension : query.by()) {
            String name = dimension.parameterName();
            sql.append("        and numerators.").append(name).append(" is not distinct from denominators.").append(name).append("\n");
        }
        sql.append("),\n\n");
    }

    /** What the answer shows of each cell, by unit: the value is computed here, and nowhere else. */
    private static void finalCells(SqlStatement sql, ResolvedQuery query)
    {
        Indicator indicator = query.indicator();
        String denominatorType = indicator.denominator() instanceof Target ? "double" : "bigint";
        String measures = switch (indicator.unit()) {
            case COUNT -> """
                        cast(numerator as bigint) as numerator,
                        cast(null as bigint) as denominator,
                        cast(numerator as bigint) as value,
                        cast(numerator as double) as cell_size
                """;
            case RATE -> """
                        cast(numerator as bigint) as numerator,
                        cast(denominator as %1$s) as denominator,
                        cast(numerator as double) / nullif(cast(denominator as double), 0) as value,
                        cast(denominator as double) as cell_size
                """.formatted(denominatorType);
            // the days stand as the numerator measure, the population as the denominator: the answer shows only the days
            case DAYS -> """
                        cast(null as bigint) as numerator,
                        cast(null as bigint) as denominator,
                        cast(numerator as double) as value,
                        cast(denominator as double) as cell_size
                """;
        };
        sql.append("final as (\n");
        selectKeys(sql, query);
        sql.append(measures).append("    from cells\n)\n\n");
    }
}
