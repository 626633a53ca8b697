package org.jijukirwa.warehouse.cooperative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jijukirwa.warehouse.export.AnswerCsvWriter;

/** The list behind a cell as CSV: a header row of {@link #COLUMNS}, one line per cooperative, spreadsheet formulas neutralised. */
public final class CooperativeListCsv
{
    public static final List<String> COLUMNS = List.of("cooperative_id", "name", "province", "district", "value_chain", "formed_on",
            "first_attended_on", "applied_on", "registered_on", "bdc_linked_on", "union_affiliated_on", "last_visited_on", "last_maturity_score",
            "members_active", "days_since_formed", "is_stuck_unregistered", "is_stuck_unvisited");
    static final Set<String> NUMBERS = Set.of("last_maturity_score", "members_active", "days_since_formed");
    static final Set<String> FLAGS = Set.of("is_stuck_unregistered", "is_stuck_unvisited");

    private CooperativeListCsv()
    {
    }

    public static String write(CooperativeList list)
    {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (CooperativeList.Entry entry : list.rows()) {
            csv.append(values(entry).stream().map(value -> value == null ? "" : field(value)).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    /** The entry's values in the order of {@link #COLUMNS}, as text; null for none. */
    static List<String> values(CooperativeList.Entry entry)
    {
        return new ArrayList<>(Arrays.asList(
                entry.cooperativeId(), entry.name().orElse(null), entry.province().orElse(null), entry.district().orElse(null), entry.valueChain(),
                entry.formedOn().toString(), date(entry.firstAttendedOn()), date(entry.appliedOn()), date(entry.registeredOn()),
                date(entry.bdcLinkedOn()), date(entry.unionAffiliatedOn()), date(entry.lastVisitedOn()),
                entry.lastMaturityScore().map(String::valueOf).orElse(null), String.valueOf(entry.membersActive()), String.valueOf(entry.daysSinceFormed()),
                String.valueOf(entry.isStuckUnregistered()), String.valueOf(entry.isStuckUnvisited())));
    }

    private static String date(Optional<LocalDate> date)
    {
        return date.map(LocalDate::toString).orElse(null);
    }

    private static String field(String value)
    {
        String safe = AnswerCsvWriter.neutralise(value);
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
