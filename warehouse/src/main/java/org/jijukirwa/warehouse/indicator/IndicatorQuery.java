package org.jijukirwa.warehouse.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A validated request. {@link #parse} takes the raw query parameters of the HTTP request (name -> raw value)
 * and throws {@link InvalidParameterException} naming the parameter for anything malformed or unknown;
 * checks that need the catalogue or the snapshot's reference data happen in {@code Warehouse.answer}.
 * {@code filters} maps a filter parameter name to its values, in request order.
 */
public record IndicatorQuery(String indicatorId, List<String> by, Optional<LocalDate> asOf,
        Optional<LocalDate> from, Optional<LocalDate> to, Optional<Grain> grain,
        Map<String, List<String>> filters)
{
    public static final String BY = "by";
    public static final String AS_OF = "as_of";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String GRAIN = "grain";

    /** The dates a request may name: a programme's figures never lie outside them, and a bound keeps every answer small. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    // strict: 2019-02-30 is rejected, not resolved to 2019-02-28
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public IndicatorQuery
    {
        requireNonNull(indicatorId, "indicatorId is null");
        by = List.copyOf(requireNonNull(by, "by is null"));
        requireNonNull(asOf, "asOf is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(grain, "grain is null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        requireNonNull(filters, "filters is null").forEach((name, values) -> copy.put(name, List.copyOf(values)));
        filters = Collections.unmodifiableMap(copy);
    }

    public static IndicatorQuery parse(String indicatorId, Map<String, String> parameters)
    {
        requireNonNull(indicatorId, "indicatorId is null");
        requireNonNull(parameters, "parameters is null");
        for (String name : parameters.keySet()) {
            if (!isKnownParameter(name)) {
                throw new InvalidParameterException(name, "'" + name + "' is not a known parameter; use by, as_of, from, to, grain or the filters "
                        + String.join(", ", Dimension.names()) + ".");
            }
        }

        List<String> by = new ArrayList<>();
        for (String dimension : list(parameters, BY)) {
            if (Dimension.forName(dimension).isEmpty()) {
                throw new InvalidParameterException(BY, "'" + dimension + "' is not a dimension; use one of " + String.join(", ", Dimension.names()) + ".");
            }
            if (by.contains(dimension)) {
                throw new InvalidParameterException(BY, "The dimension '" + dimension + "' is listed twice.");
            }
            by.add(dimension);
        }

        Optional<LocalDate> asOf = date(parameters, AS_OF);
        Optional<LocalDate> from = date(parameters, FROM);
        Optional<LocalDate> to = date(parameters, TO);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidParameterException(FROM, "The start date 'from' (" + from.get() + ") is after the end date 'to' (" + to.get() + ").");
        }

        Optional<Grain> grain = Optional.empty();
        String rawGrain = parameters.get(GRAIN);
        if (rawGrain != null && !rawGrain.isBlank()) {
            String value = rawGrain.trim();
            grain = Optional.of(Grain.fromParameterValue(value).orElseThrow(() ->
                    new InvalidParameterException(GRAIN, "'" + value + "' is not a grain; use month, quarter or year.")));
        }
        if (asOf.isPresent() && grain.isPresent()) {
            throw new InvalidParameterException(AS_OF, "'as_of' cannot be combined with a grain; a time series takes 'from' and 'to'.");
        }
        if (asOf.isPresent() && (from.isPresent() || to.isPresent())) {
            throw new InvalidParameterException(AS_OF, "'as_of' cannot be combined with 'from' or 'to'.");
        }

        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            List<String> values = list(parameters, dimension.parameterName());
            if (!values.isEmpty()) {
                filters.put(dimension.parameterName(), List.copyOf(new LinkedHashSet<>(values)));
            }
        }
        return new IndicatorQuery(indicatorId, by, asOf, from, to, grain, filters);
    }

    private static boolean isKnownParameter(String name)
    {
        return Set.of(BY, AS_OF, FROM, TO, GRAIN).contains(name) || Dimension.forName(name).isPresent();
    }

    private static List<String> list(Map<String, String> parameters, String name)
    {
        String raw = parameters.get(name);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String value = part.trim();
            if (value.isEmpty()) {
                throw new InvalidParameterException(name, "'" + name + "' has an empty value in its list '" + raw + "'.");
            }
            values.add(value);
        }
        return values;
    }

    /**
     * A date parameter of a request ({@code yyyy-MM-dd}, strict, from {@link #EARLIEST_DATE} to {@link #LATEST_DATE}),
     * empty when absent or blank; throws {@link InvalidParameterException} naming it otherwise.
     */
    public static Optional<LocalDate> date(Map<String, String> parameters, String name)
    {
        String raw = parameters.get(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim(), DATE);
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be a real date written yyyy-MM-dd, not '" + raw + "'.");
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new InvalidParameterException(name, "'" + name + "' must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE + ", not '" + raw + "'.");
        }
        return Optional.of(date);
    }
}
