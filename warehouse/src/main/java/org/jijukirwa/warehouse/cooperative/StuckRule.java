package org.jijukirwa.warehouse.cooperative;

import java.util.Map;

import org.jijukirwa.warehouse.indicator.InvalidParameterException;

/**
 * When a cooperative is stuck at the as-of date: formed more than {@code unregisteredDays} before it and not registered,
 * or no coaching visit in the last {@code unvisitedDays} days (a cooperative never visited counts from its formation).
 */
public record StuckRule(int unregisteredDays, int unvisitedDays)
{
    public static final String UNREGISTERED_DAYS = "unregistered_days";
    public static final String UNVISITED_DAYS = "unvisited_days";
    public static final int DEFAULT_UNREGISTERED_DAYS = 365;
    public static final int DEFAULT_UNVISITED_DAYS = 180;
    public static final StuckRule DEFAULT = new StuckRule(DEFAULT_UNREGISTERED_DAYS, DEFAULT_UNVISITED_DAYS);
    private static final int MAX_DAYS = 36_500;

    public StuckRule
    {
        if (unregisteredDays < 0 || unvisitedDays < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
    }

    /** The rule of a request: each number of days from its parameter, or the default. */
    public static StuckRule parse(Map<String, String> parameters)
    {
        return new StuckRule(days(parameters, UNREGISTERED_DAYS, DEFAULT_UNREGISTERED_DAYS), days(parameters, UNVISITED_DAYS, DEFAULT_UNVISITED_DAYS));
    }

    private static int days(Map<String, String> parameters, String name, int defaultDays)
    {
        String raw = parameters.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultDays;
        }
        int days;
        try {
            days = Integer.parseInt(raw.trim());
        }
        catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidParameterException(name, "'" + name + "' must be a whole number of days from 0 to " + MAX_DAYS + ", not '"
                    + CooperativeId.shorten(raw) + "'.");
        }
        return days;
    }
}
