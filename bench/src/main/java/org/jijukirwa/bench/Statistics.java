package org.jijukirwa.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Percentiles by the nearest-rank method and the median of repeated runs. */
public final class Statistics
{
    private Statistics()
    {
    }

    /** A latency distribution, in milliseconds. */
    public record Summary(int count, double p50, double p95, double p99, double max)
    {
    }

    /**
     * The p-th percentile (0 < p <= 100) by nearest rank: the smallest value with at least p % of the
     * values at or below it. Always one of the values, so a p99 of 20 samples is their maximum.
     */
    public static double percentile(List<Double> values, double p)
    {
        requireNonNull(values, "values is null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
        }
        List<Double> sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The middle value; the mean of the two middle values for an even count. */
    public static double median(List<Double> values)
    {
        requireNonNull(values, "values is null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = sorted(values);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static Summary summarize(List<Double> values)
    {
        return new Summary(values.size(), percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100));
    }

    private static List<Double> sorted(List<Double> values)
    {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
