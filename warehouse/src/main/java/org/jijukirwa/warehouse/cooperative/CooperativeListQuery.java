package org.jijukirwa.warehouse.cooperative;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.snapshot.ReferenceData;

import static java.util.Objects.requireNonNull;

/**
 * GET /api/v1/cooperative-list: the cooperatives behind one cell (province, district, value chain, each a list or any)
 * that have reached a stage by the as-of date, sorted by one column, with the stuck ones flagged by a rule.
 */
public record CooperativeListQuery(Optional<LocalDate> asOf, Map<Dimension, List<String>> places, String stage, String sort, boolean isDescending,
        StuckRule rule)
{
    public static final String AS_OF = "as_of";
    public static final String STAGE = "stage";
    public static final String SORT = "sort";
    public static final String ORDER = "order";
    public static final List<Dimension> PLACES = List.of(Dimension.PROVINCE, Dimension.DISTRICT, Dimension.VALUE_CHAIN);
    /** formed: every cooperative that exists; the others: those that reached the step; not_registered: the others of formed. */
    public static final List<String> STAGES = List.of("formed", "trained", "applied", "registered", "bdc_linked", "union_affiliated", "not_registered");
    /** The columns a list sorts by: the SQL's column names, the only identifiers a request chooses. */
    public static final List<String> SORTS = List.of("cooperative_id", "cooperative_name", "district", "value_chain", "formed_on", "registered_on",
            "last_visited_on", "last_maturity_score", "members_active", "days_since_formed");

    public CooperativeListQuery
    {
        requireNonNull(asOf, "asOf is null");
        places = Map.copyOf(places);
        requireNonNull(stage, "stage is null");
        requireNonNull(sort, "sort is null");
        requireNonNull(rule, "rule is null");
        if (!STAGES.contains(stage) || !SORTS.contains(sort)) {
            throw new IllegalArgumentException("unknown stage or sort");
        }
    }

    /** Parses a request; place values must be those of the snapshot's reference data (matched case-insensitively). */
    public static CooperativeListQuery parse(Map<String, String> parameters, ReferenceData reference)
    {
        Set<String> known = Set.of(AS_OF, STAGE, SORT, ORDER, StuckRule.UNREGISTERED_DAYS, StuckRule.UNVISITED_DAYS, "province", "district", "value_chain");
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, "'" + CooperativeId.shorten(name) + "' is not a known parameter; use province, district, "
                        + "value_chain, stage, as_of, sort, order, unregistered_days and unvisited_days.");
            }
        }
        Map<Dimension, List<String>> places = new LinkedHashMap<>();
        for (Dimension dimension : PLACES) {
            String raw = parameters.get(dimension.parameterName());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String part : raw.split(",", -1)) {
                String value = reference.canonical(dimension, part).orElseThrow(() -> new InvalidParameterException(dimension.parameterName(),
                        "'" + CooperativeId.shorten(part.trim()) + "' is not a known " + dimension.parameterName() + "; use one of "
                                + String.join(", ", reference.values(dimension)) + "."));
                values.add(value);
            }
            places.put(dimension, List.copyOf(values));
        }
        String stage = choice(parameters, STAGE, STAGES, "formed");
        String sort = choice(parameters, SORT, SORTS, "cooperative_id");
        String order = choice(parameters, ORDER, List.of("asc", "desc"), "asc");
        return new CooperativeListQuery(date(parameters), places, stage, sort, order.equals("desc"), StuckRule.parse(parameters));
    }

    private static String choice(Map<String, String> parameters, String name, List<String> choices, String defaultChoice)
    {
        String raw = parameters.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultChoice;
        }
        String value = raw.trim().toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(value)) {
            throw new InvalidParameterException(name, "'" + CooperativeId.shorten(raw) + "' is not a known " + name + "; use one of "
                    + String.join(", ", choices) + ".");
        }
        return value;
    }

    private static Optional<LocalDate> date(Map<String, String> parameters)
    {
        String raw = parameters.get(AS_OF);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim());
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException(AS_OF, "'as_of' must be a real date written yyyy-MM-dd, not '" + CooperativeId.shorten(raw) + "'.");
        }
        if (date.isBefore(IndicatorQuery.EARLIEST_DATE) || date.isAfter(IndicatorQuery.LATEST_DATE)) {
            throw new InvalidParameterException(AS_OF, "'as_of' must be a date from " + IndicatorQuery.EARLIEST_DATE + " to "
                    + IndicatorQuery.LATEST_DATE + ", not '" + raw + "'.");
        }
        return Optional.of(date);
    }

    /** The place filter on one dimension, comma-separated, or null for any. */
    String placeList(Dimension dimension)
    {
        List<String> values = places.get(dimension);
        return values == null ? null : String.join(",", values);
    }
}
