package org.jijukirwa.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jijukirwa.warehouse.IndicatorSpec.Denominator;
import org.jijukirwa.warehouse.IndicatorSpec.None;
import org.jijukirwa.warehouse.IndicatorSpec.OtherFact;
import org.jijukirwa.warehouse.IndicatorSpec.SameFact;
import org.jijukirwa.warehouse.IndicatorSpec.Target;

/**
 * Generates the SQL of one resolved query. Identifiers come only from the catalogue and the
 * {@link Dimension} allow-list; every value of the request is a parameter.
 * The result has the columns {@code period}, one per by-dimension (named as the dimension),
 * {@code numerator}, {@code denominator} and {@code value}, holding only cells with a non-zero
 * count or denominator, sorted by period then the by-columns.
 */
final class IndicatorSql
{
    private IndicatorSql()
    {
    }

    static SqlStatement build(ResolvedQuery query)
    {
        IndicatorSpec spec = query.spec();
        SqlStatement sql = new SqlStatement();
        periods(sql, query);
        commonTableExpressions(sql, spec);

        Denominator denominator = spec.denominator();
        List<String> numeratorMeasures = new ArrayList<>();
        numeratorMeasures.add(spec.numeratorSql() + " as numerator");
        if (denominator instanceof SameFact sameFact) {
            numeratorMeasures.add(sameFact.sql() + " as denominator");
        }
        spec.valueSql().ifPresent(value -> numeratorMeasures.add(value + " as value"));
        sql.append("numerators as (\n");
        aggregate(sql, query, spec.fact(), numeratorMeasures);
        sql.append("),\n\n");

        if (denominator instanceof OtherFact otherFact) {
            sql.append("denominators as (\n");
            aggregate(sql, query, otherFact.fact(), List.of(otherFact.sql() + " as denominator"));
            sql.append("),\n\n");
            joinedFinal(sql, query);
        }
        else if (denominator instanceof Target target) {
            sql.append("denominators as (\n");
            targets(sql, query, target);
            sql.append("),\n\n");
            joinedFinal(sql, query);
        }
        else {
            sql.append("final as (\n    select\n        period,\n");
            for (Dimension dimension : query.by()) {
                sql.append("        ").append(dimension.parameterName()).append(",\n");
            }
            sql.append("        numerator,\n");
            sql.append(denominator instanceof None ? "        null::double as denominator,\n" : "        denominator,\n");
            sql.append(spec.valueSql().isPresent() ? "        value\n" : "        null::double as value\n");
            sql.append("    from numerators\n)\n\n");
        }

        sql.append("select * from final\nwhere coalesce(numerator, 0) <> 0 or coalesce(denominator, 0) <> 0\norder by period");
        for (Dimension dimension : query.by()) {
            sql.append(", ").append(dimension.parameterName());
        }
        return sql;
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

    /** The facts' own common table expressions, each once. */
    private static void commonTableExpressions(SqlStatement sql, IndicatorSpec spec)
    {
        Set<String> expressions = new LinkedHashSet<>(spec.fact().commonTableExpressions());
        if (spec.denominator() instanceof OtherFact otherFact) {
            expressions.addAll(otherFact.fact().commonTableExpressions());
        }
        for (String expression : expressions) {
            sql.append(expression).append(",\n\n");
        }
    }

    /** One row per period and by-cell of a fact, with the measures given. */
    private static void aggregate(SqlStatement sql, ResolvedQuery query, Fact fact, List<String> measures)
    {
        sql.append("    select\n        ").append(fact.period()).append(" as period,\n");
        for (Dimension dimension : query.by()) {
            sql.append("        ").append(fact.dimensionSql(dimension)).append(" as ").append(dimension.parameterName()).append(",\n");
        }
        sql.append("        ").append(String.join(",\n        ", measures)).append("\n");
        sql.append("    from ").append(fact.from()).append("\n");
        filters(sql, query, fact);
        sql.append("    group by all\n");
    }

    private static void filters(SqlStatement sql, ResolvedQuery query, Fact fact)
    {
        sql.append("    where true\n");
        for (Map.Entry<Dimension, List<String>> filter : query.filters().entrySet()) {
            sql.append("        and ").append(fact.dimensionSql(filter.getKey())).append(" in ").parameterList(filter.getValue()).append("\n");
        }
    }

    /**
     * The target of each cell: the sum of its districts' targets when every district of the cell has one;
     * otherwise the programme-wide target for the whole-programme cell, and null for any other cell.
     */
    private static void targets(SqlStatement sql, ResolvedQuery query, Target target)
    {
        Fact fact = Fact.DISTRICTS;
        sql.append("    select\n        ").append(fact.period()).append(" as period,\n");
        for (Dimension dimension : query.by()) {
            sql.append("        ").append(fact.dimensionSql(dimension)).append(" as ").append(dimension.parameterName()).append(",\n");
        }
        sql.append("        case\n")
                .append("            when count(district_targets.target_value) = count(*) then sum(district_targets.target_value)\n")
                .append("            when ").parameter(query.isWholeProgramme(), "::boolean")
                .append(" then (select sum(target_value) from stg_targets where district_code is null and target = ")
                .parameter(target.target(), "::varchar").append(")\n")
                .append("        end as denominator\n")
                .append("    from ").append(fact.from()).append("\n")
                .append("    left join (\n")
                .append("        select\n")
                .append("            district_code,\n")
                .append("            sum(target_value) as target_value\n")
                .append("        from stg_targets\n")
                .append("        where district_code is not null and target = ").parameter(target.target(), "::varchar").append("\n")
                .append("        group by district_code\n")
                .append("    ) as district_targets\n")
                .append("        on district_targets.district_code = districts.district_code\n");
        filters(sql, query, fact);
        sql.append("    group by all\n");
    }

    /** Numerators and denominators from different rows, matched on period and by-cells. */
    private static void joinedFinal(SqlStatement sql, ResolvedQuery query)
    {
        sql.append("final as (\n    select\n        coalesce(numerators.period, denominators.period) as period,\n");
        for (Dimension dimension : query.by()) {
            String name = dimension.parameterName();
            sql.append("        coalesce(numerators.").append(name).append(", denominators.").append(name).append(") as ").append(name).append(",\n");
        }
        sql.append("""
                        coalesce(numerators.numerator, 0) as numerator,
                        denominators.denominator,
                        null::double as value
                    from numerators
                    full outer join denominators
                        on numerators.period is not distinct from denominators.period
                """);
        for (Dimension dimension : query.by()) {
            String name = dimension.parameterName();
            sql.append("        and numerators.").append(name).append(" is not distinct from denominators.").append(name).append("\n");
        }
        sql.append(")\n\n");
    }
}
