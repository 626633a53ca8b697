package org.jijukirwa.warehouse.answer;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.Period;

import static java.util.Objects.requireNonNull;

/**
 * A request checked against the catalogue and one snapshot: known dimensions, filter values as the
 * API names them, and the periods to evaluate (one, or one per period of a time series).
 */
public record ResolvedQuery(Indicator indicator, List<Dimension> by, Map<Dimension, List<String>> filters, List<Period> periods,
        Optional<LocalDate> asOf, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Grain> grain)
{
    public ResolvedQuery
    {
        requireNonNull(indicator, "indicator is null");
        by = List.copyOf(requireNonNull(by, "by is null"));
        Map<Dimension, List<String>> copy = new LinkedHashMap<>();
        requireNonNull(filters, "filters is null").forEach((dimension, values) -> copy.put(dimension, List.copyOf(values)));
        filters = Collections.unmodifiableMap(copy);
        periods = List.copyOf(requireNonNull(periods, "periods is null"));
        requireNonNull(asOf, "asOf is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(grain, "grain is null");
    }

    /** The cell of the whole programme: no place in the breakdown or the filters. */
    boolean isWholeProgramme()
    {
        return by.stream().noneMatch(ResolvedQuery::isPlace)
                && filters.keySet().stream().noneMatch(ResolvedQuery::isPlace);
    }

    private static boolean isPlace(Dimension dimension)
    {
        return dimension == Dimension.PROVINCE || dimension == Dimension.DISTRICT;
    }
}
