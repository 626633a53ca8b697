package org.jijukirwa.warehouse.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.Period;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;

/**
 * Checks a parsed request against its indicator and a snapshot, and fills in the defaults. Every answer is bounded:
 * at most {@value #MAX_PERIODS} periods, and at most {@value #MAX_CELLS} cells (periods times the possible values of
 * each by-dimension, after the filters), so that no request can make the server compute without end.
 */
public final class QueryResolver
{
    public static final int MAX_PERIODS = 600;
    public static final int MAX_CELLS = 1_000_000;

    private QueryResolver()
    {
    }

    public static ResolvedQuery resolve(Indicator indicator, IndicatorQuery query, LoadedSnapshot snapshot)
    {
        String allowed = String.join(", ", indicator.dimensionNames());

        List<Dimension> by = new ArrayList<>();
        for (String name : query.by()) {
            Dimension dimension = Dimension.forName(name)
                    .orElseThrow(() -> new InvalidParameterException(IndicatorQuery.BY, "'" + name + "' is not a dimension; use one of " + allowed + "."));
            if (!indicator.dimensions().contains(dimension)) {
                throw new InvalidParameterException(IndicatorQuery.BY,
                        "The indicator '" + indicator.id() + "' cannot be broken down by '" + name + "'; use one of " + allowed + ".");
            }
            if (by.contains(dimension)) {
                throw new InvalidParameterException(IndicatorQuery.BY, "The dimension '" + name + "' is listed twice.");
            }
            by.add(dimension);
        }

        Map<Dimension, List<String>> filters = new LinkedHashMap<>();
        query.filters().forEach((name, values) -> {
            Dimension dimension = Dimension.forName(name)
                    .orElseThrow(() -> new InvalidParameterException(name, "'" + name + "' is not a known parameter."));
            if (!indicator.dimensions().contains(dimension)) {
                throw new InvalidParameterException(name,
                        "The indicator '" + indicator.id() + "' cannot be filtered by '" + name + "'; it takes the filters " + allowed + ".");
            }
            List<String> canonical = new ArrayList<>();
            for (String value : values) {
                String known = snapshot.referenceData().canonical(dimension, value)
                        .orElseThrow(() -> new InvalidParameterException(name, "'" + value + "' is not a known " + name.replace('_', ' ')
                                + "; use one of " + String.join(", ", snapshot.referenceData().values(dimension)) + "."));
                if (!canonical.contains(known)) {
                    canonical.add(known);
                }
            }
            filters.put(dimension, canonical);
        });

        LocalDate snapshotAsOf = snapshot.info().asOf();
        if (query.grain().isEmpty() && indicator.kind() == IndicatorKind.STOCK) {
            if (query.from().isPresent() || query.to().isPresent()) {
                String parameter = query.from().isPresent() ? IndicatorQuery.FROM : IndicatorQuery.TO;
                throw new InvalidParameterException(parameter, "'" + parameter + "' applies to flow indicators and time series; '"
                        + indicator.id() + "' is a stock: use as_of, or add a grain.");
            }
            LocalDate asOf = query.asOf().orElse(snapshotAsOf);
            return new ResolvedQuery(indicator, by, filters, List.of(new Period(Optional.empty(), asOf, asOf)),
                    Optional.of(asOf), Optional.empty(), Optional.empty(), Optional.empty());
        }

        if (query.asOf().isPresent()) {
            String reason = query.grain().isPresent()
                    ? "a time series takes 'from' and 'to', not 'as_of'."
                    : "'" + indicator.id() + "' is a flow indicator: it takes 'from' and 'to', not 'as_of'.";
            throw new InvalidParameterException(IndicatorQuery.AS_OF, "'as_of' cannot be used here: " + reason);
        }
        LocalDate to = query.to().orElse(snapshotAsOf);
        LocalDate from = query.from().orElseGet(() -> {
            LocalDate earliest = snapshot.earliestDate(indicator.fact()).orElse(to);
            return earliest.isAfter(to) ? to : earliest;
        });
        if (from.isAfter(to)) {
            throw new InvalidParameterException(IndicatorQuery.FROM, "The start date 'from' (" + from + ") is after the end date 'to' (" + to + ").");
        }
        List<Period> periods = query.grain()
                .map(grain -> Period.series(grain, from, to))
                .orElseGet(() -> List.of(new Period(Optional.empty(), from, to)));
        checkSize(periods.size(), by, filters, snapshot);
        return new ResolvedQuery(indicator, by, filters, periods, Optional.empty(), Optional.of(from), Optional.of(to), query.grain());
    }

    private static void checkSize(int periods, List<Dimension> by, Map<Dimension, List<String>> filters, LoadedSnapshot snapshot)
    {
        Map<Dimension, Integer> valuesPerDimension = new LinkedHashMap<>();
        for (Dimension dimension : by) {
            List<String> values = filters.get(dimension);
            valuesPerDimension.put(dimension, values != null ? values.size() : snapshot.referenceData().values(dimension).size());
        }
        checkSize(periods, valuesPerDimension);
    }

    /** Refuses an answer of more than {@value #MAX_PERIODS} periods, or of more than {@value #MAX_CELLS} possible cells. */
    public static void checkSize(int periods, Map<Dimension, Integer> valuesPerDimension)
    {
        if (periods > MAX_PERIODS) {
            throw new InvalidParameterException(IndicatorQuery.GRAIN, "The time series would have " + periods + " periods; one answer holds at most "
                    + MAX_PERIODS + ": narrow 'from' and 'to', or use a coarser grain.");
        }
        long cells = periods;
        for (int values : valuesPerDimension.values()) {
            cells *= Math.max(1, values);
        }
        if (cells > MAX_CELLS) {
            throw new InvalidParameterException(IndicatorQuery.BY, "The answer could hold " + cells + " cells (" + periods + " periods by "
                    + valuesPerDimension.keySet().stream().map(Dimension::parameterName).collect(Collectors.joining(", ")) + "); one answer holds at most "
                    + MAX_CELLS + ": break it down by fewer dimensions, filter it, or ask for fewer periods.");
        }
    }
}
