package org.jijukirwa.warehouse.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One period of a query, already clipped to the requested range: a stock is evaluated as of {@code to},
 * a flow counts events in [{@code from}, {@code to}]. {@code key} is empty outside a time series.
 */
public record Period(Optional<String> key, LocalDate from, LocalDate to)
{
    /** The name of the period column of a time series' answers (and of every answer's cells). */
    public static final String COLUMN = "period";

    public Period
    {
        requireNonNull(key, "key is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period starts after it ends: " + from + " > " + to);
        }
    }

    /** The calendar periods of a grain overlapping [from, to], each clipped to it. */
    public static List<Period> series(Grain grain, LocalDate from, LocalDate to)
    {
        List<Period> periods = new ArrayList<>();
        LocalDate start = switch (grain) {
            case MONTH -> from.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> from.withDayOfYear(1);
        };
        while (!start.isAfter(to)) {
            LocalDate next = switch (grain) {
                case MONTH -> start.plusMonths(1);
                case QUARTER -> start.plusMonths(3);
                case YEAR -> start.plusYears(1);
            };
            String key = switch (grain) {
                case MONTH -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
                case QUARTER -> String.format("%04d-Q%d", start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.format("%04d", start.getYear());
            };
            LocalDate end = next.minusDays(1);
            periods.add(new Period(Optional.of(key), start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
            start = next;
        }
        return periods;
    }
}
