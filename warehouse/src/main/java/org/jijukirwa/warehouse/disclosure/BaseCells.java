package org.jijukirwa.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Fact;

import static java.util.Objects.requireNonNull;

/**
 * The protected table of a person-counting fact that adds up over cells (docs/disclosure.md): its base cells, the finest
 * cells the public can see, each rounded once with the keyed {@code protected_count} macro ({@link CountRounding}).
 * The SQL reads the fact's common table expression and has the columns the catalogue's measures read, so that a public
 * answer is the same query as the manager's over the protected values: every public figure is a sum of protected base
 * cells. A base cell is one row per period and value of every dimension of the fact (its list, so a dimension added to
 * the fact is protected with it; a province is its districts, carried but not keyed), plus the columns below.
 */
public final class BaseCells
{
    /** How one fact is protected: the extra columns of a base cell, the measures rounded, and the columns the rest of the query reads. */
    private record Protected(List<String> extraColumns, Map<String, String> roundedMeasures, List<String> outputs)
    {
    }

    private static final Map<Fact, Protected> PROTECTED = Map.of(
            // registered and unregistered members, rounded apart: active = their sum, so a member rate's numerator is part of its
            // denominator; has_birth_year splits the unknown age band (no birth year, or under 16) as youth_share's denominator does
            Fact.MEMBERSHIP_STOCK, new Protected(List.of("has_birth_year"),
                    Map.of("registered", "sum(registered)", "unregistered", "sum(active) - sum(registered)"),
                    List.of("registered + unregistered as active", "registered")),
            // a flow: each day's attendances are other events, so the day is part of the base cell (and of its key)
            Fact.ATTENDANCES, new Protected(List.of("held_on"),
                    Map.of("attendance_count", "sum(attendance_count)"),
                    List.of("attendance_count")));

    private BaseCells()
    {
    }

    /** The name of the protected table of a fact in a query. */
    public static String tableName(Fact fact)
    {
        return fact.tableName() + "_protected";
    }

    /** Whether the public figures of the fact are sums of its protected base cells. */
    public static boolean protects(Fact fact)
    {
        return PROTECTED.containsKey(requireNonNull(fact, "fact is null"));
    }

    /** The body of {@link #tableName}'s common table expression, rounding to the base given, or empty when the fact has no base cells. */
    public static Optional<String> sql(Fact fact, int base)
    {
        if (base < 2) {
            throw new IllegalArgumentException("a base below 2 protects nothing: " + base);
        }
        Protected protection = PROTECTED.get(requireNonNull(fact, "fact is null"));
        if (protection == null) {
            return Optional.empty();
        }
        List<String> keyed = new ArrayList<>();
        List<String> carried = new ArrayList<>(List.of("period"));
        for (Dimension dimension : fact.dimensions()) {
            (dimension == Dimension.PROVINCE ? carried : keyed).add(dimension.parameterName());
        }
        keyed.addAll(protection.extraColumns());
        List<String> columns = new ArrayList<>(carried);
        columns.addAll(keyed);

        // the exact counts per base cell first, then each rounded once (a macro over an aggregate and the grouped columns
        // would not bind in one select)
        Map<String, String> measures = new TreeMap<>(protection.roundedMeasures());
        StringJoiner exact = new StringJoiner(",\n");
        StringJoiner rounded = new StringJoiner(",\n");
        measures.forEach((measure, sql) -> {
            exact.add("            cast(" + sql + " as bigint) as " + measure);
            rounded.add("        protected_count(" + measure + ", " + base + ", " + CountRounding.cellKeySql(fact.tableName(), measure, keyed) + ") as " + measure);
        });
        String columnList = String.join(", ", columns);
        return Optional.of("""
                    select %1$s, %2$s
                    from (
                        select %1$s,
                %3$s
                        from (
                            select %1$s,
                %4$s
                            from %5$s
                            group by all
                        ) as exact_cells
                    ) as base_cells""".formatted(columnList, String.join(", ", protection.outputs()), rounded, exact, fact.tableName()));
    }
}
