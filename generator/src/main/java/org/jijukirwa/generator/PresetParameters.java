package org.jijukirwa.generator;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * Everything that shapes a generated data set besides the seed.
 *
 * @param cooperatives cooperatives to form (at least one per district)
 * @param start first day of the programme period
 * @param end last day of the period, also the as-of date to ingest with
 * @param minimumMembers fewest members a cooperative gets over its life
 * @param maximumMembers most members a cooperative gets over its life
 * @param sessionsPerCooperativeYear training sessions a district holds per year, per cooperative it has (at least 3)
 * @param attendedSessionsPerCooperativeYear sessions a cooperative sends people to per year, on average
 * @param maximumExtraAttendees ordinary members a cooperative sends to one session besides its representative and leader
 * @param visitsPerCooperativeYear coaching visits per cooperative and year, on average
 * @param messyShare share of values written in a non-canonical but valid form
 * @param badShares per dataset, the share of written rows followed by an injected bad row
 * @param repeatShares per dataset, the share of current records exported again, identically, in the next year's file
 */
public record PresetParameters(
        int cooperatives,
        LocalDate start,
        LocalDate end,
        int minimumMembers,
        int maximumMembers,
        double sessionsPerCooperativeYear,
        double attendedSessionsPerCooperativeYear,
        int maximumExtraAttendees,
        double visitsPerCooperativeYear,
        double messyShare,
        DatasetShares badShares,
        DatasetShares repeatShares)
{
    public PresetParameters
    {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(badShares, "badShares is null");
        requireNonNull(repeatShares, "repeatShares is null");
        Districts.allocate(cooperatives);
        if (start.plusDays(180).isAfter(end)) {
            throw new IllegalArgumentException("the period must span at least 180 days: " + start + ".." + end);
        }
        if (minimumMembers < 5 || maximumMembers < minimumMembers) {
            throw new IllegalArgumentException("members per cooperative must be 5 or more and min <= max, got "
                    + minimumMembers + ".." + maximumMembers);
        }
        if (!(messyShare >= 0 && messyShare <= 1)) {
            throw new IllegalArgumentException("messyShare must be in [0, 1], got " + messyShare);
        }
    }

    public PresetParameters withCooperatives(int count)
    {
        return new PresetParameters(count, start, end, minimumMembers, maximumMembers, sessionsPerCooperativeYear,
                attendedSessionsPerCooperativeYear, maximumExtraAttendees, visitsPerCooperativeYear, messyShare, badShares, repeatShares);
    }

    public PresetParameters withPeriod(LocalDate newStart, LocalDate newEnd)
    {
        return new PresetParameters(cooperatives, newStart, newEnd, minimumMembers, maximumMembers, sessionsPerCooperativeYear,
                attendedSessionsPerCooperativeYear, maximumExtraAttendees, visitsPerCooperativeYear, messyShare, badShares, repeatShares);
    }

    public PresetParameters withBadShares(DatasetShares shares)
    {
        return new PresetParameters(cooperatives, start, end, minimumMembers, maximumMembers, sessionsPerCooperativeYear,
                attendedSessionsPerCooperativeYear, maximumExtraAttendees, visitsPerCooperativeYear, messyShare, shares, repeatShares);
    }

    /** The as-of date to ingest the data set with: no row is dated after it except the injected date_in_future ones. */
    public LocalDate asOf()
    {
        return end;
    }
}
