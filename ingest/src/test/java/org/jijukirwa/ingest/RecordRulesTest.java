package org.jijukirwa.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecordRulesTest
{
    private static final RecordRules RULES = new RecordRules(ReferenceData.load(Optional.empty()), LocalDate.of(2020, 6, 30),
            new PersonKeyFunction("test-key".getBytes(StandardCharsets.UTF_8)));

    @Test
    void validCooperativeIsNormalised()
    {
        Row row = check(RecordSet.COOPERATIVES, Map.of("cooperative_id", " COOP-GAS-0001 ", "cooperative_name", "Abishyizehamwe", "district", "Akarere ka Gasabo",
                "value_chain", "Tailoring and garment making", "formed_on", "13/07/2019", "registered_on", "2019-09-30T23:45:00Z", "updated_at", "2019-09-18")).get(0);
        assertThat(row.getAs("reasons").toString()).isEqualTo("ArraySeq()");
        assertThat((String) row.getAs("cooperative_id")).isEqualTo("COOP-GAS-0001");
        assertThat((String) row.getAs("district_code")).isEqualTo("12");
        assertThat((String) row.getAs("value_chain")).isEqualTo("tailoring");
        assertThat(row.getAs("formed_on").toString()).isEqualTo("2019-07-13");
        assertThat(row.getAs("registered_on").toString()).isEqualTo("2019-10-01");
        assertThat((Object) row.getAs("raw_text")).isNull();
        assertThat((Object) row.getAs("raw_values")).isNull();
    }

    @Test
    void cooperativeReasons()
    {
        List<Row> rows = check(RecordSet.COOPERATIVES,
                Map.of("cooperative_name", "no id", "formed_on", "2019-01-01"),
                cooperative(Map.of("district", "Kampala", "value_chain", "fishing")),
                cooperative(Map.of("formed_on", "31/02/2018", "bdc_linked_on", "last week", "updated_at", "yesterday")),
                cooperative(Map.of("formed_on", "2019-05-18", "applied_on", "2019-04-16", "registered_on", "2019-05-01")),
                cooperative(Map.of("formed_on", "2020-09-23", "union_affiliated_on", "2020-07-01")));
        assertThat(reasons(rows)).containsExactly(
                List.of("missing_required:cooperative_id", "missing_required:district", "missing_required:value_chain"),
                List.of("unknown_district", "unknown_value_chain"),
                List.of("invalid_date:formed_on", "invalid_date:bdc_linked_on", "invalid_date:updated_at"),
                List.of("date_order:applied_on", "date_order:registered_on"),
                List.of("date_in_future:formed_on", "date_in_future:union_affiliated_on"));
        assertThat((String) rows.get(1).getAs("raw_text")).isEqualTo("raw line");
        assertThat(rows.get(1).getJavaMap(rows.get(1).fieldIndex("raw_values"))).containsEntry("district", "Kampala").doesNotContainKey("sector");
    }

    @Test
    void malformedRowHasOnlyThatReason()
    {
        Dataset<Row> input = input(RecordSet.COOPERATIVES, List.of(Map.of()), true);
        List<Row> rows = RULES.check(RecordSet.COOPERATIVES, input, Optional.empty()).collectAsList();
        assertThat(reasons(rows)).containsExactly(List.of("malformed_row"));
    }

    @Test
    void memberReasons()
    {
        List<Row> rows = check(RecordSet.MEMBERS,
                member(Map.of("sex", "Umugore", "birth_year", "1994", "disability", "yego", "national_id", " 1199070189915016 ")),
                member(Map.of("sex", "X", "birth_year", "19eighty", "disability", "maybe")),
                member(Map.of("birth_year", "2007")),
                member(Map.of("birth_year", "1919")),
                member(Map.of("birth_year", "2021", "joined_on", "2019-10-21", "left_on", "2019-10-18")),
                member(Map.of("joined_on", "2020-08-05", "left_on", "2021-01-01")),
                member(Map.of("joined_on", "2019/02/26", "left_on", "soon")),
                member(Map.of("cooperative_id", "COOP-NONE-0001")),
                Map.of("sex", "F"));
        assertThat(reasons(rows)).containsExactly(
                List.of(),
                List.of("invalid_value:sex", "invalid_value:birth_year", "invalid_value:disability"),
                List.of("invalid_value:birth_year"),
                List.of("invalid_value:birth_year"),
                List.of("invalid_value:birth_year", "date_order:left_on"),
                List.of("date_in_future:joined_on", "date_in_future:left_on"),
                List.of("invalid_date:joined_on", "invalid_date:left_on"),
                List.of("unknown_cooperative"),
                List.of("missing_required:member_id", "missing_required:cooperative_id", "missing_required:joined_on"));
        Row valid = rows.get(0);
        assertThat((String) valid.getAs("sex")).isEqualTo("F");
        assertThat((Boolean) valid.getAs("has_disability")).isTrue();
        assertThat((Integer) valid.getAs("birth_year")).isEqualTo(1994);
        // HMAC-SHA-256("1199070189915016") under the key "test-key", computed with: printf %s 1199070189915016 | openssl dgst -sha256 -hmac test-key
        assertThat((String) valid.getAs("person_key")).isEqualTo("bb9f0b44078e5ec5fae585f894cc23737813fd0f6f112fe095a8921860313729");
        assertThat((String) rows.get(2).getAs("sex")).isEqualTo("U");
    }

    @Test
    void sixteenOnJoiningIsCountedInYears()
    {
        List<Row> rows = check(RecordSet.MEMBERS, member(Map.of("birth_year", "2003", "joined_on", "2019-01-01")), member(Map.of("birth_year", "2004", "joined_on", "2019-12-31")));
        assertThat(reasons(rows)).containsExactly(List.of(), List.of("invalid_value:birth_year"));
    }

    @Test
    void trainingReasons()
    {
        List<Row> rows = check(RecordSet.TRAININGS,
                training(Map.of("district", "22", "topic", "Record_Keeping", "attendee_role", "Local_Leader")),
                training(Map.of("district", "Kampala", "topic", "Governance and more", "attendee_role", "guest")),
                training(Map.of("held_on", "23/07/2020")),
                training(Map.of("held_on", "2019-02-30")),
                training(Map.of("cooperative_id", "COOP-ZZZ-0042")),
                Map.of("member_id", "MBR-1"));
        assertThat(reasons(rows)).containsExactly(
                List.of(),
                List.of("unknown_district", "unknown_topic", "invalid_value:attendee_role"),
                List.of("date_in_future:held_on"),
                List.of("invalid_date:held_on"),
                List.of("unknown_cooperative"),
                List.of("missing_required:session_id", "missing_required:held_on", "missing_required:district", "missing_required:topic",
                        "missing_required:cooperative_id"));
        assertThat((String) rows.get(0).getAs("topic")).isEqualTo("record_keeping");
        assertThat((String) rows.get(0).getAs("attendee_role")).isEqualTo("local_leader");
        assertThat((Object) rows.get(0).getAs("member_id")).isNull();
    }

    @Test
    void coachingReasons()
    {
        List<Row> rows = check(RecordSet.COACHING,
                coaching(Map.of("topics", "osh governance", "maturity_score", "100", "follow_up_due", "2020-09-01")),
                coaching(Map.of("topics", "governance;astrology", "maturity_score", "101")),
                coaching(Map.of("maturity_score", "-1", "follow_up_due", "soon")),
                coaching(Map.of("maturity_score", "high", "visited_on", "2020-07-20")),
                Map.of("topics", "osh"));
        assertThat(reasons(rows)).containsExactly(
                List.of(),
                List.of("unknown_topic", "invalid_value:maturity_score"),
                List.of("invalid_value:maturity_score", "invalid_date:follow_up_due"),
                List.of("invalid_value:maturity_score", "date_in_future:visited_on"),
                List.of("missing_required:visit_id", "missing_required:cooperative_id", "missing_required:visited_on"));
        assertThat(rows.get(0).getAs("topics").toString()).isEqualTo("ArraySeq(osh, governance)");
    }

    private static Map<String, String> cooperative(Map<String, String> changes)
    {
        return with(Map.of("cooperative_id", "COOP-GAS-0001", "district", "Gasabo", "value_chain", "tailoring", "formed_on", "2019-01-01"), changes);
    }

    private static Map<String, String> member(Map<String, String> changes)
    {
        return with(Map.of("member_id", "MBR-1", "cooperative_id", "COOP-GAS-0001", "joined_on", "2019-07-25"), changes);
    }

    private static Map<String, String> training(Map<String, String> changes)
    {
        return with(Map.of("session_id", "TRN-1", "held_on", "2019-10-31", "district", "Gisagara", "topic", "osh", "cooperative_id", "COOP-GAS-0001"), changes);
    }

    private static Map<String, String> coaching(Map<String, String> changes)
    {
        return with(Map.of("visit_id", "VIS-1", "cooperative_id", "COOP-GAS-0001", "visited_on", "2020-05-22"), changes);
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> changes)
    {
        Map<String, String> values = new java.util.HashMap<>(base);
        values.putAll(changes);
        return values;
    }

    @SafeVarargs
    private static List<Row> check(RecordSet recordSet, Map<String, String>... rows)
    {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> known = spark.createDataFrame(List.of(RowFactory.create("COOP-GAS-0001")), new StructType().add("cooperative_id", DataTypes.StringType));
        Optional<Dataset<Row>> knownCooperatives = recordSet == RecordSet.COOPERATIVES ? Optional.empty() : Optional.of(known);
        return RULES.check(recordSet, input(recordSet, List.of(rows), false), knownCooperatives).collectAsList();
    }

    private static Dataset<Row> input(RecordSet recordSet, List<Map<String, String>> rows, boolean malformed)
    {
        StructType schema = FieldRecordReader.schema(recordSet).add("ingest_run", DataTypes.StringType).add("is_retry", DataTypes.BooleanType);
        List<Row> result = new ArrayList<>();
        long line = 2;
        for (Map<String, String> row : rows) {
            List<Object> values = new ArrayList<>(List.of("test.csv", line++, "raw line", malformed, false));  // not rejected in review
            for (String column : recordSet.sourceColumns()) {
                values.add(row.get(column));
            }
            values.add("run");
            values.add(false);
            result.add(RowFactory.create(values.toArray()));
        }
        return SparkTestSession.get().createDataFrame(result, schema);
    }

    static List<List<String>> reasons(List<Row> rows)
    {
        return rows.stream().map(row -> row.<String>getList(row.fieldIndex("reasons"))).toList();
    }
}
