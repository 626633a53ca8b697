package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-row checker without Spark: messy values in, typed values and reasons out (as-of 2020-06-30). */
class RecordCheckerTest
{
    private static final RecordRules RULES = new RecordRules(ReferenceData.load(Optional.empty()), LocalDate.of(2020, 6, 30),
            new PersonKeyFunction("test-key".getBytes(StandardCharsets.UTF_8)));
    private static final Map<RecordSet, RecordChecker> CHECKERS = Map.of(
            RecordSet.COOPERATIVES, RULES.checker(RecordSet.COOPERATIVES, Optional.empty()),
            RecordSet.MEMBERS, RULES.checker(RecordSet.MEMBERS, Optional.of(Set.of("COOP-GAS-0001"))),
            RecordSet.TRAININGS, RULES.checker(RecordSet.TRAININGS, Optional.of(Set.of("COOP-GAS-0001"))),
            RecordSet.COACHING, RULES.checker(RecordSet.COACHING, Optional.of(Set.of("COOP-GAS-0001"))));

    @Test
    void messyCooperativeIsNormalisedInEveryColumn()
    {
        Checked row = check(RecordSet.COOPERATIVES, Map.of(
                "cooperative_id", "\u00a0COOP-GAS-0001\t",
                "cooperative_name", " Abishyizehamwe ",
                "district", "akarere  ka\tGasabo",
                "sector", "",
                "value_chain", " MOTO_TRANSPORT ",
                "formed_on", "13/07/2019",
                "applied_on", "2019-08-01T23:30:00-01:00",          // 00:30 UTC+0 on 2 August = 02:30 in Kigali
                "registered_on", "2019-09-30T21:59:59.9999999Z",    // 23:59:59.999999 in Kigali: still 30 September
                "bdc_linked_on", "2019-10-01",
                "updated_at", "2019-10-02T08:15"));                 // Kigali time: 06:15 UTC
        assertThat(row.reasons()).isEmpty();
        assertThat(row.value("cooperative_id")).isEqualTo("COOP-GAS-0001");
        assertThat(row.value("cooperative_name")).isEqualTo("Abishyizehamwe");
        assertThat(row.value("district_code")).isEqualTo("12");
        assertThat(row.value("sector")).isNull();
        assertThat(row.value("value_chain")).isEqualTo("moto_transport");
        assertThat(row.value("formed_on")).isEqualTo(LocalDate.of(2019, 7, 13));
        assertThat(row.value("applied_on")).isEqualTo(LocalDate.of(2019, 8, 2));
        assertThat(row.value("registered_on")).isEqualTo(LocalDate.of(2019, 9, 30));
        assertThat(row.value("bdc_linked_on")).isEqualTo(LocalDate.of(2019, 10, 1));
        assertThat(row.value("union_affiliated_on")).isNull();
        assertThat(row.value("updated_at")).isEqualTo(Instant.parse("2019-10-02T06:15:00Z"));
        assertThat(row.value("source_file")).isEqualTo("test.csv");
        assertThat(row.value("source_line")).isEqualTo(7L);
        assertThat(row.value("ingest_run")).isEqualTo("run-1");
        assertThat(row.value("raw_text")).isNull();
        assertThat(row.value("raw_values")).isNull();
    }

    @Test
    void reasonsComeInTheirFixedOrder()
    {
        Checked row = check(RecordSet.COOPERATIVES, Map.of(
                "district", "Kampala",
                "value_chain", "fishing",
                "formed_on", "2020-07-01",
                "applied_on", "2019-07-13T10:60Z",                  // minute 60
                "registered_on", "2020-06-30T22:00:00Z",            // 1 July in Kigali: after the as-of date
                "updated_at", "yesterday"));
        assertThat(row.reasons()).containsExactly("missing_required:cooperative_id", "unknown_district", "unknown_value_chain",
                "invalid_date:applied_on", "invalid_date:updated_at", "date_in_future:formed_on", "date_in_future:registered_on");
        assertThat(row.value("raw_text")).isEqualTo("the raw line");
        // Raw values as read (untrimmed), only those present, in the contract's column order.
        assertThat(row.rawValues())
                .containsExactly(Map.entry("district", "Kampala"), Map.entry("value_chain", "fishing"), Map.entry("formed_on", "2020-07-01"),
                        Map.entry("applied_on", "2019-07-13T10:60Z"), Map.entry("registered_on", "2020-06-30T22:00:00Z"), Map.entry("updated_at", "yesterday"));
    }

    @Test
    void dateOrderComparesKigaliDates()
    {
        // registered 2019-05-01T23:30:00Z is 2 May in Kigali, formed 2 May: same day, not before.
        Checked sameDay = check(RecordSet.COOPERATIVES, cooperative(Map.of("formed_on", "02/05/2019", "registered_on", "2019-05-01T23:30:00Z")));
        Checked dayBefore = check(RecordSet.COOPERATIVES, cooperative(Map.of("formed_on", "02/05/2019", "registered_on", "2019-05-01T21:59:00Z", "applied_on", "01/05/2019")));
        assertThat(sameDay.reasons()).isEmpty();
        assertThat(dayBefore.reasons()).containsExactly("date_order:applied_on", "date_order:registered_on");
    }

    @Test
    void dateTimesWithoutSecondsAreCheckedOnTheirKigaliDate()
    {
        // As-of 2020-06-30. 22:00 UTC on 30 June is midnight of 1 July in Kigali: in the future; 21:59 UTC is still 30 June.
        Checked lateUtc = check(RecordSet.COOPERATIVES, cooperative(Map.of("formed_on", "2020-06-30T22:00Z")));
        Checked lastMinute = check(RecordSet.COOPERATIVES, cooperative(Map.of("formed_on", "2020-06-30T21:59Z", "registered_on", "2020-07-01T01:30+03:00",
                "updated_at", "2020-06-30T23:59")));
        assertThat(lateUtc.reasons()).containsExactly("date_in_future:formed_on");
        assertThat(lateUtc.value("formed_on")).isEqualTo(LocalDate.of(2020, 7, 1));
        // 01:30 at UTC+3 on 1 July is 22:30 UTC on 30 June, 00:30 on 1 July in Kigali: in the future. No offset: Kigali time.
        assertThat(lastMinute.reasons()).containsExactly("date_in_future:registered_on");
        assertThat(lastMinute.value("formed_on")).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(lastMinute.value("updated_at")).isEqualTo(Instant.parse("2020-06-30T21:59:00Z"));
    }

    @Test
    void memberWithBlanksAroundItsNationalIdGetsTheSameKey()
    {
        Checked padded = check(RecordSet.MEMBERS, member(Map.of("national_id", "\t1199070189915016\u00a0")));
        Checked plain = check(RecordSet.MEMBERS, member(Map.of("national_id", "1199070189915016")));
        // printf %s 1199070189915016 | openssl dgst -sha256 -hmac test-key
        assertThat(padded.value("person_key")).isEqualTo("bb9f0b44078e5ec5fae585f894cc23737813fd0f6f112fe095a8921860313729");
        assertThat(plain.value("person_key")).isEqualTo(padded.value("person_key"));
        assertThat(check(RecordSet.MEMBERS, member(Map.of())).value("person_key")).isNull();
    }

    @Test
    void birthYearNeedsSixteenYearsOnJoiningOnlyWhenJoiningIsKnown()
    {
        // joined_on invalid: only the range 1920..2020 applies to birth_year.
        assertThat(check(RecordSet.MEMBERS, member(Map.of("birth_year", "2010", "joined_on", "soon"))).reasons())
                .containsExactly("invalid_date:joined_on");
        assertThat(check(RecordSet.MEMBERS, member(Map.of("birth_year", "+2004", "joined_on", "2020-01-01"))).reasons()).isEmpty();
        assertThat(check(RecordSet.MEMBERS, member(Map.of("birth_year", "2005", "joined_on", "2020-12-31"))).reasons())
                .containsExactly("invalid_value:birth_year", "date_in_future:joined_on");
        assertThat(check(RecordSet.MEMBERS, member(Map.of("birth_year", "1234567890"))).reasons()).containsExactly("invalid_value:birth_year");
    }

    @Test
    void unknownCooperativeComesLastAndIsRetried()
    {
        Checked row = check(RecordSet.MEMBERS, member(Map.of("cooperative_id", " COOP-NONE-0001 ", "sex", "girl")), true);
        assertThat(row.reasons()).containsExactly("invalid_value:sex", "unknown_cooperative");
        assertThat(row.value("is_retry")).isEqualTo(true);
        assertThat(check(RecordSet.MEMBERS, member(Map.of("cooperative_id", "\u00a0COOP-GAS-0001 "))).reasons()).isEmpty();
    }

    @Test
    void malformedRowHasOnlyThatReason()
    {
        Object[] values = new Object[FieldRecordReader.schema(RecordSet.MEMBERS).size()];
        values[0] = "test.csv";
        values[1] = 3L;
        values[2] = "a,\"b";
        values[3] = true;
        Checked row = new Checked(RecordSet.MEMBERS, CHECKERS.get(RecordSet.MEMBERS).check(RowFactory.create(values), "run-1", false));
        assertThat(row.reasons()).containsExactly("malformed_row");
        assertThat(row.value("raw_text")).isEqualTo("a,\"b");
        assertThat(row.rawValues()).isEmpty();
    }

    @Test
    void coachingTopicsAndScores()
    {
        Checked row = check(RecordSet.COACHING, coaching(Map.of("topics", " OSH;governance osh\u000bleadership ", "maturity_score", "-0", "follow_up_due", "2021-03-01")));
        assertThat(row.reasons()).isEmpty();
        assertThat((String[]) row.value("topics")).containsExactly("osh", "governance", "leadership");
        assertThat(row.value("maturity_score")).isEqualTo(0);
        assertThat(check(RecordSet.COACHING, coaching(Map.of("topics", "astrology;alchemy", "maturity_score", "68.0"))).reasons())
                .containsExactly("unknown_topic", "invalid_value:maturity_score");
        assertThat((String[]) check(RecordSet.COACHING, coaching(Map.of("topics", "astrology;alchemy"))).value("topics")).containsExactly((String) null);
        assertThat((String[]) check(RecordSet.COACHING, coaching(Map.of("topics", " ; "))).value("topics")).isEmpty();
    }

    /**
     * A row with a different value in every column: each value must land in the layout column of its name, so that
     * two columns of one type written in each other's place (formed_on and registered_on, joined_on and left_on,
     * visited_on and follow_up_due...) fail here.
     */
    @Test
    void everyValueLandsInTheLayoutColumnOfItsName()
    {
        Checked cooperative = check(RecordSet.COOPERATIVES, Map.ofEntries(
                Map.entry("cooperative_id", "COOP-GAS-0001"), Map.entry("cooperative_name", "Abishyizehamwe"), Map.entry("district", "Gasabo"),
                Map.entry("sector", "Kimironko"), Map.entry("value_chain", "tailoring"), Map.entry("formed_on", "2019-01-10"),
                Map.entry("applied_on", "2019-02-11"), Map.entry("registered_on", "2019-03-12"), Map.entry("rca_certificate_no", "RCA/0001/2019"),
                Map.entry("bdc_linked_on", "2019-04-13"), Map.entry("union_affiliated_on", "2019-05-14"), Map.entry("updated_at", "2019-06-15T08:00")));
        assertThat(cooperative.reasons()).isEmpty();
        assertThat(cooperative.tableValues()).containsExactlyEntriesOf(inOrder(
                "cooperative_id", "COOP-GAS-0001", "cooperative_name", "Abishyizehamwe", "district_code", "12", "sector", "Kimironko",
                "value_chain", "tailoring", "formed_on", LocalDate.of(2019, 1, 10), "applied_on", LocalDate.of(2019, 2, 11),
                "registered_on", LocalDate.of(2019, 3, 12), "rca_certificate_no", "RCA/0001/2019", "bdc_linked_on", LocalDate.of(2019, 4, 13),
                "union_affiliated_on", LocalDate.of(2019, 5, 14), "updated_at", Instant.parse("2019-06-15T06:00:00Z"),
                "source_file", "test.csv", "source_line", 7L, "ingest_run", "run-1"));

        Checked member = check(RecordSet.MEMBERS, Map.ofEntries(
                Map.entry("member_id", "MBR-1"), Map.entry("cooperative_id", "COOP-GAS-0001"), Map.entry("national_id", "1199070189915016"),
                Map.entry("full_name", "Mukamana Odette"), Map.entry("phone", "0788000000"), Map.entry("sex", "F"), Map.entry("birth_year", "1990"),
                Map.entry("disability", "no"), Map.entry("joined_on", "2019-07-25"), Map.entry("left_on", "2020-01-15"),
                Map.entry("updated_at", "2020-01-16T09:30")));
        assertThat(member.reasons()).isEmpty();
        assertThat(member.tableValues()).containsExactlyEntriesOf(inOrder(
                "member_id", "MBR-1", "cooperative_id", "COOP-GAS-0001",
                "person_key", "bb9f0b44078e5ec5fae585f894cc23737813fd0f6f112fe095a8921860313729", "sex", "F", "birth_year", 1990,
                "has_disability", false, "joined_on", LocalDate.of(2019, 7, 25), "left_on", LocalDate.of(2020, 1, 15),
                "updated_at", Instant.parse("2020-01-16T07:30:00Z"), "source_file", "test.csv", "source_line", 7L, "ingest_run", "run-1"));

        Checked training = check(RecordSet.TRAININGS, Map.ofEntries(
                Map.entry("session_id", "SES-1"), Map.entry("held_on", "2020-02-03"), Map.entry("district", "Kicukiro"), Map.entry("topic", "governance"),
                Map.entry("cooperative_id", "COOP-GAS-0001"), Map.entry("member_id", "MBR-1"), Map.entry("attendee_role", "leader"),
                Map.entry("facilitator", "Uwase Claudine"), Map.entry("updated_at", "2020-02-04T10:00")));
        assertThat(training.reasons()).isEmpty();
        assertThat(training.tableValues()).containsExactlyEntriesOf(inOrder(
                "session_id", "SES-1", "held_on", LocalDate.of(2020, 2, 3), "district_code", "13", "topic", "governance",
                "cooperative_id", "COOP-GAS-0001", "member_id", "MBR-1", "attendee_role", "leader", "updated_at", Instant.parse("2020-02-04T08:00:00Z"),
                "source_file", "test.csv", "source_line", 7L, "ingest_run", "run-1"));

        Checked coaching = check(RecordSet.COACHING, Map.ofEntries(
                Map.entry("visit_id", "VIS-1"), Map.entry("cooperative_id", "COOP-GAS-0001"), Map.entry("visited_on", "2020-05-22"),
                Map.entry("coach", "Habimana Eric"), Map.entry("topics", "governance"), Map.entry("maturity_score", "60"),
                Map.entry("follow_up_due", "2020-06-19"), Map.entry("notes", "met the board"), Map.entry("updated_at", "2020-05-23T12:00")));
        assertThat(coaching.reasons()).isEmpty();
        Map<String, Object> coachingValues = coaching.tableValues();
        assertThat((String[]) coachingValues.remove("topics")).containsExactly("governance");
        assertThat(coachingValues).containsExactlyEntriesOf(inOrder(
                "visit_id", "VIS-1", "cooperative_id", "COOP-GAS-0001", "visited_on", LocalDate.of(2020, 5, 22), "maturity_score", 60,
                "follow_up_due", LocalDate.of(2020, 6, 19), "updated_at", Instant.parse("2020-05-23T10:00:00Z"),
                "source_file", "test.csv", "source_line", 7L, "ingest_run", "run-1"));
    }

    @Test
    void cooperativesTakeNoKnownCooperativesAndTheOthersNeedThem()
    {
        assertThatThrownBy(() -> RULES.checker(RecordSet.TRAININGS, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RULES.checker(RecordSet.COOPERATIVES, Optional.of(Set.of()))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> cooperative(Map<String, String> changes)
    {
        return with(Map.of("cooperative_id", "COOP-GAS-0001", "district", "Gasabo", "value_chain", "tailoring", "formed_on", "2019-01-01"), changes);
    }

    private static Map<String, String> member(Map<String, String> changes)
    {
        return with(Map.of("member_id", "MBR-1", "cooperative_id", "COOP-GAS-0001", "joined_on", "2019-07-25"), changes);
    }

    private static Map<String, String> coaching(Map<String, String> changes)
    {
        return with(Map.of("visit_id", "VIS-1", "cooperative_id", "COOP-GAS-0001", "visited_on", "2020-05-22"), changes);
    }

    /** Column, value, column, value... in the layout's order. */
    private static Map<String, Object> inOrder(Object... columnsAndValues)
    {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return values;
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> changes)
    {
        Map<String, String> values = new HashMap<>(base);
        values.putAll(changes);
        return values;
    }

    private static Checked check(RecordSet recordSet, Map<String, String> values)
    {
        return check(recordSet, values, false);
    }

    private static Checked check(RecordSet recordSet, Map<String, String> values, boolean isRetry)
    {
        List<String> columns = recordSet.sourceColumns();
        Object[] row = new Object[FieldRecordReader.VALUES_OFFSET + columns.size()];
        row[0] = "test.csv";
        row[1] = 7L;
        row[2] = "the raw line";
        row[3] = false;
        for (int i = 0; i < columns.size(); i++) {
            row[FieldRecordReader.VALUES_OFFSET + i] = values.get(columns.get(i));
        }
        return new Checked(recordSet, CHECKERS.get(recordSet).check(RowFactory.create(row), "run-1", isRetry));
    }

    /** A checked row with access by column name. */
    private record Checked(RecordSet recordSet, Row row)
    {
        Object value(String column)
        {
            return row.get(RecordRules.schema(recordSet).fieldIndex(column));
        }

        @SuppressWarnings("unchecked")
        Map<String, String> rawValues()
        {
            return scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Map<String, String>) value("raw_values"));
        }

        /** The layout table's columns ({@link org.jijukirwa.layout.Table#columnNames}) with their values, in the table's order. */
        Map<String, Object> tableValues()
        {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : recordSet.table().columnNames()) {
                values.put(column, value(column));
            }
            return values;
        }

        List<String> reasons()
        {
            return Arrays.asList((String[]) value("reasons"));
        }
    }
}
