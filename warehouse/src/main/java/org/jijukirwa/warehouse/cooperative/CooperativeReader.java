package org.jijukirwa.warehouse.cooperative;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jijukirwa.warehouse.cooperative.CooperativeProfile.CoachingVisit;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.FunnelStep;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.MemberCount;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.Stuck;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.TrainingAttended;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;
import org.jijukirwa.warehouse.snapshot.SqlResources;

/** Reads cooperatives from a snapshot's marts with the SQL of {@code sql/cooperative/}; values only as parameters. */
public final class CooperativeReader
{
    private CooperativeReader()
    {
    }

    public static List<CooperativeSummary> search(Connection connection, CooperativeSearch search)
            throws SQLException
    {
        return rows(connection, "cooperative_search", CooperativeReader::summary, search.text(), search.limit());
    }

    /**
     * One cooperative's profile as of the snapshot's date; {@code withPeopleCounts} adds its members over time and the
     * attendees per session (managers only).
     *
     * @throws UnknownCooperativeException when the snapshot has no such cooperative
     */
    public static CooperativeProfile profile(Connection connection, SnapshotInfo snapshot, String cooperativeId, StuckRule rule, boolean withPeopleCounts)
            throws SQLException
    {
        LocalDate asOf = snapshot.asOf();
        CooperativeSummary cooperative;
        Optional<String> valueChainLabel;
        Map<String, Optional<LocalDate>> reached = new LinkedHashMap<>();
        Optional<LocalDate> lastVisitedOn;
        try (PreparedStatement statement = connection.prepareStatement(SqlResources.read("cooperative/cooperative_profile"))) {
            statement.setString(1, cooperativeId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownCooperativeException(cooperativeId, snapshot.id());
                }
                cooperative = summary(row);
                valueChainLabel = Optional.ofNullable(row.getString("value_chain_label"));
                reached.put("formed", date(row, "formed_on"));
                reached.put("trained", date(row, "first_attended_on"));
                reached.put("applied", date(row, "applied_on"));
                reached.put("registered", date(row, "registered_on"));
                reached.put("bdc_linked", date(row, "bdc_linked_on"));
                reached.put("union_affiliated", date(row, "union_affiliated_on"));
                lastVisitedOn = date(row, "last_visited_on");
            }
        }
        List<FunnelStep> funnel = funnel(reached);
        Optional<LocalDate> formedOn = reached.get("formed");
        boolean isRegistered = reached.get("registered").filter(day -> !day.isAfter(asOf)).isPresent();
        boolean isUnregistered = formedOn.isPresent() && !isRegistered && ChronoUnit.DAYS.between(formedOn.get(), asOf) > rule.unregisteredDays();
        Optional<LocalDate> lastVisitOrFormation = lastVisitedOn.filter(day -> !day.isAfter(asOf)).or(() -> formedOn);
        boolean isUnvisited = lastVisitOrFormation.isPresent() && ChronoUnit.DAYS.between(lastVisitOrFormation.get(), asOf) > rule.unvisitedDays();
        return new CooperativeProfile(snapshot.id(), asOf, cooperative, valueChainLabel, funnel, trainings(connection, cooperativeId, withPeopleCounts),
                visits(connection, cooperativeId), lastVisitedOn, new Stuck(rule, isUnregistered, isUnvisited),
                withPeopleCounts ? Optional.of(members(connection, cooperativeId, asOf)) : Optional.empty());
    }

    /** The cooperatives behind a cell at the query's date (the snapshot's by default), sorted, at most {@link CooperativeList#MAX_ROWS}. */
    public static CooperativeList list(Connection connection, SnapshotInfo snapshot, CooperativeListQuery query)
            throws SQLException
    {
        LocalDate asOf = query.asOf().orElse(snapshot.asOf());
        // the sort column comes from the query's allow-list, never from the request's text
        String sql = "with listed as (\n" + SqlResources.read("cooperative/cooperative_list") + "\n)\n"
                + "select *, count(*) over () as total from listed\n"
                + "order by " + query.sort() + (query.isDescending() ? " desc" : " asc") + " nulls last, cooperative_id\n"
                + "limit " + CooperativeList.MAX_ROWS;
        List<CooperativeList.Entry> rows = new ArrayList<>();
        long total = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, asOf);
            statement.setString(2, query.placeList(Dimension.PROVINCE));
            statement.setString(3, query.placeList(Dimension.DISTRICT));
            statement.setString(4, query.placeList(Dimension.VALUE_CHAIN));
            statement.setString(5, query.stage());
            statement.setInt(6, query.rule().unregisteredDays());
            statement.setInt(7, query.rule().unvisitedDays());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    total = row.getLong("total");
                    rows.add(new CooperativeList.Entry(
                            row.getString("cooperative_id"),
                            Optional.ofNullable(row.getString("cooperative_name")),
                            Optional.ofNullable(row.getString("province")),
                            Optional.ofNullable(row.getString("district")),
                            row.getString("value_chain"),
                            date(row, "formed_on").orElseThrow(),
                            date(row, "first_attended_on"),
                            date(row, "applied_on"),
                            date(row, "registered_on"),
                            date(row, "bdc_linked_on"),
                            date(row, "union_affiliated_on"),
                            date(row, "last_visited_on"),
                            integer(row, "last_maturity_score"),
                            row.getLong("members_active"),
                            row.getLong("days_since_formed"),
                            row.getBoolean("is_stuck_unregistered"),
                            row.getBoolean("is_stuck_unvisited")));
                }
            }
        }
        return new CooperativeList(snapshot.id(), asOf, query, total, rows);
    }

    /** The steps in funnel order, each with the days since the last step before it that was reached, and since the formation. */
    static List<FunnelStep> funnel(Map<String, Optional<LocalDate>> reached)
    {
        List<FunnelStep> steps = new ArrayList<>();
        Optional<LocalDate> formedOn = reached.get("formed");
        Optional<LocalDate> previous = Optional.empty();
        for (String step : CooperativeProfile.STEPS) {
            Optional<LocalDate> on = reached.getOrDefault(step, Optional.empty());
            OptionalLong sincePrevious = on.isPresent() && previous.isPresent() ? OptionalLong.of(ChronoUnit.DAYS.between(previous.get(), on.get())) : OptionalLong.empty();
            OptionalLong sinceFormed = on.isPresent() && formedOn.isPresent() ? OptionalLong.of(ChronoUnit.DAYS.between(formedOn.get(), on.get())) : OptionalLong.empty();
            steps.add(new FunnelStep(step, on, sincePrevious, sinceFormed));
            if (on.isPresent()) {
                previous = on;
            }
        }
        return steps;
    }

    private static List<TrainingAttended> trainings(Connection connection, String cooperativeId, boolean withAttendeeCounts)
            throws SQLException
    {
        return rows(connection, "cooperative_trainings", row -> new TrainingAttended(row.getString("session_id"), date(row, "held_on").orElseThrow(),
                row.getString("topic"), row.getString("topic_label"), Optional.ofNullable(row.getString("session_district")),
                withAttendeeCounts ? OptionalLong.of(row.getLong("attendee_count")) : OptionalLong.empty()), cooperativeId);
    }

    private static List<CoachingVisit> visits(Connection connection, String cooperativeId)
            throws SQLException
    {
        return rows(connection, "cooperative_visits", row -> new CoachingVisit(row.getString("visit_id"), date(row, "visited_on").orElseThrow(),
                integer(row, "maturity_score"), strings(row.getArray("topics"))), cooperativeId);
    }

    private static List<MemberCount> members(Connection connection, String cooperativeId, LocalDate asOf)
            throws SQLException
    {
        return rows(connection, "cooperative_members", row -> {
            Map<String, Long> bySex = new LinkedHashMap<>();
            bySex.put("F", row.getLong("sex_f"));
            bySex.put("M", row.getLong("sex_m"));
            bySex.put("U", row.getLong("sex_u"));
            Map<String, Long> byAgeBand = new LinkedHashMap<>();
            byAgeBand.put("16-30", row.getLong("age_16_30"));
            byAgeBand.put("31-45", row.getLong("age_31_45"));
            byAgeBand.put("46-60", row.getLong("age_46_60"));
            byAgeBand.put("61+", row.getLong("age_61_plus"));
            byAgeBand.put("unknown", row.getLong("age_unknown"));
            return new MemberCount(date(row, "counted_on").orElseThrow(), row.getLong("members_active"), bySex, byAgeBand);
        }, cooperativeId, asOf);
    }

    /** Every row of the query {@code sql/cooperative/<query>.sql} with its parameters in order, each read by {@code reader}. */
    private static <T> List<T> rows(Connection connection, String query, RowReader<T> reader, Object... parameters)
            throws SQLException
    {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SqlResources.read("cooperative/" + query))) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface RowReader<T>
    {
        T read(ResultSet row)
                throws SQLException;
    }

    private static CooperativeSummary summary(ResultSet row)
            throws SQLException
    {
        return new CooperativeSummary(row.getString("cooperative_id"), Optional.ofNullable(row.getString("cooperative_name")),
                Optional.ofNullable(row.getString("province")), Optional.ofNullable(row.getString("district")), row.getString("value_chain"));
    }

    private static Optional<LocalDate> date(ResultSet row, String column)
            throws SQLException
    {
        return Optional.ofNullable(row.getObject(column, LocalDate.class));
    }

    private static Optional<Integer> integer(ResultSet row, String column)
            throws SQLException
    {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> strings(Array array)
            throws SQLException
    {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value));
        }
        return values;
    }
}
