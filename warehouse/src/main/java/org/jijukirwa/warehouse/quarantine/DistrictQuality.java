package org.jijukirwa.warehouse.quarantine;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A dataset's rows in one district and period: accepted (its current records dated in the period) and rejected (its
 * quarantined rows dated in the period), the share rejected (empty when there are no rows), and the most frequent
 * reasons. {@code districtCode} empty is the unknown-district bucket. Counts only: no raw text, no personal data.
 */
public record DistrictQuality(String dataset, Optional<String> districtCode, long acceptedRows, long rejectedRows, List<ReasonCount> reasons)
{
    /** How many reasons a district's row keeps, most frequent first. */
    public static final int TOP_REASONS = 3;

    public DistrictQuality
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(districtCode, "districtCode is null");
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }

    /** rejected / (accepted + rejected), empty when both are 0. */
    public Optional<Double> rejectedShare()
    {
        long all = acceptedRows + rejectedRows;
        return all == 0 ? Optional.empty() : Optional.of((double) rejectedRows / all);
    }

    /** The rejected rows with a reason (a row with two reasons counts under both). */
    public record ReasonCount(String reason, long rows)
    {
        public ReasonCount
        {
            requireNonNull(reason, "reason is null");
        }
    }
}
