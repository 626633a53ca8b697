package org.jijukirwa.warehouse.quarantine;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;

import static java.util.Objects.requireNonNull;

/**
 * The period of a data-quality breakdown: its first and last day, both included. Without {@code from} it starts at
 * {@link IndicatorQuery#EARLIEST_DATE}, without {@code to} it ends at {@link IndicatorQuery#LATEST_DATE}, the bounds
 * the indicator queries use.
 */
public record QualityPeriod(LocalDate from, LocalDate to)
{
    public static final String FROM = "from";
    public static final String TO = "to";

    public QualityPeriod
    {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    public static QualityPeriod all()
    {
        return new QualityPeriod(IndicatorQuery.EARLIEST_DATE, IndicatorQuery.LATEST_DATE);
    }

    /** From the raw query parameters; throws {@link InvalidParameterException} naming the parameter at fault. */
    public static QualityPeriod parse(Map<String, String> parameters)
    {
        requireNonNull(parameters, "parameters is null");
        for (String name : parameters.keySet()) {
            if (!Set.of(FROM, TO).contains(name)) {
                throw new InvalidParameterException(name, "'" + name + "' is not a known parameter; use from and to.");
            }
        }
        LocalDate from = IndicatorQuery.date(parameters, FROM).orElse(IndicatorQuery.EARLIEST_DATE);
        LocalDate to = IndicatorQuery.date(parameters, TO).orElse(IndicatorQuery.LATEST_DATE);
        if (to.isBefore(from)) {
            throw new InvalidParameterException(TO, "'to' (" + to + ") must not be before 'from' (" + from + ").");
        }
        return new QualityPeriod(from, to);
    }
}
