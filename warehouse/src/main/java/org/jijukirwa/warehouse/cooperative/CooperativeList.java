package org.jijukirwa.warehouse.cooperative;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The cooperatives behind a cell at a date (managers only): at most {@link #MAX_ROWS}, {@code total} counts them all. */
public record CooperativeList(String snapshotId, LocalDate asOf, CooperativeListQuery query, long total, List<Entry> rows)
{
    public static final int MAX_ROWS = 5_000;

    public CooperativeList
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(query, "query is null");
        rows = List.copyOf(rows);
    }

    public boolean isTruncated()
    {
        return total > rows.size();
    }

    /** One cooperative: its place, its funnel dates up to the as-of date, its last visit, its active members, whether it is stuck. */
    public record Entry(
            String cooperativeId,
            Optional<String> name,
            Optional<String> province,
            Optional<String> district,
            String valueChain,
            LocalDate formedOn,
            Optional<LocalDate> firstAttendedOn,
            Optional<LocalDate> appliedOn,
            Optional<LocalDate> registeredOn,
            Optional<LocalDate> bdcLinkedOn,
            Optional<LocalDate> unionAffiliatedOn,
            Optional<LocalDate> lastVisitedOn,
            Optional<Integer> lastMaturityScore,
            long membersActive,
            long daysSinceFormed,
            boolean isStuckUnregistered,
            boolean isStuckUnvisited)
    {
        public Entry
        {
            requireNonNull(cooperativeId, "cooperativeId is null");
            requireNonNull(valueChain, "valueChain is null");
            requireNonNull(formedOn, "formedOn is null");
        }
    }
}
