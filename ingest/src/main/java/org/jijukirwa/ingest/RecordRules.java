package org.jijukirwa.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.jijukirwa.layout.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * Validation of one record set (data-contract.md): from the string columns of
 * the readers to the typed columns of the layout table plus {@code reasons},
 * every quarantine reason that applies. A row is valid when it has none.
 * Quarantined rows keep their raw text and raw values; valid rows do not.
 */
public final class RecordRules
{
    public static final String REASONS = "reasons";
    public static final String IS_RETRY = "is_retry";
    public static final String RAW_TEXT = "raw_text";
    public static final String RAW_VALUES = "raw_values";
    public static final String INGEST_RUN = "ingest_run";

    public static final String MALFORMED_ROW = "malformed_row";
    public static final String UNKNOWN_COOPERATIVE = "unknown_cooperative";

    private static final String KNOWN_COOPERATIVE = "known_cooperative_id";
    private static final List<String> ROLES = List.of("representative", "member", "leader", "local_leader");

    private final FieldRules fields;
    private final LocalDate asOf;
    private final UserDefinedFunction personKey;

    public RecordRules(ReferenceData reference, LocalDate asOf, PersonKeyFunction personKeyFunction)
    {
        this.fields = new FieldRules(requireNonNull(reference, "reference is null"));
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.personKey = udf(requireNonNull(personKeyFunction, "personKeyFunction is null"), DataTypes.StringType).withName("person_key");
    }

    /**
     * {@code input}: source_file, source_line, raw_text, malformed, the record
     * set's source columns (strings), ingest_run and is_retry.
     * {@code knownCooperatives}: the cooperative_id of every accepted current
     * cooperative, for the record sets that name one.
     * Returns the layout table's columns, then reasons, is_retry, raw_text and raw_values.
     */
    public Dataset<Row> check(RecordSet recordSet, Dataset<Row> input, Optional<Dataset<Row>> knownCooperatives)
    {
        List<Column> trimmed = new ArrayList<>();
        for (String name : List.of(FieldRecordReader.SOURCE_FILE, FieldRecordReader.SOURCE_LINE, FieldRecordReader.RAW_TEXT, FieldRecordReader.MALFORMED, INGEST_RUN, IS_RETRY)) {
            trimmed.add(col(name));
        }
        List<Column> rawEntries = new ArrayList<>();
        for (String column : recordSet.sourceColumns()) {
            trimmed.add(FieldRules.text(col(column)).as(column));
            trimmed.add(col(column).as("raw_" + column));
            rawEntries.add(lit(column));
            rawEntries.add(col("raw_" + column));
        }
        Dataset<Row> texts = input.select(trimmed.toArray(Column[]::new));
        boolean checksCooperative = recordSet != RecordSet.COOPERATIVES;
        if (checksCooperative) {
            Dataset<Row> known = knownCooperatives.orElseThrow(() -> new IllegalArgumentException(recordSet.datasetName() + " needs the known cooperatives"))
                    .select(col("cooperative_id").as(KNOWN_COOPERATIVE));
            texts = texts.join(broadcast(known), texts.col("cooperative_id").equalTo(known.col(KNOWN_COOPERATIVE)), "left");
        }

        Rules rules = switch (recordSet) {
            case COOPERATIVES -> cooperativeRules();
            case MEMBERS -> memberRules();
            case TRAININGS -> trainingRules();
            case COACHING -> coachingRules();
        };
        // Typed values first, in their own projection, so that the reasons below reuse them instead of parsing again.
        List<Column> typed = new ArrayList<>();
        typed.add(col("*"));
        rules.values().forEach((name, value) -> typed.add(value.as("v_" + name)));
        Dataset<Row> values = texts.select(typed.toArray(Column[]::new));

        List<Column> reasons = new ArrayList<>();
        for (String column : recordSet.requiredColumns()) {
            reasons.add(when(col(column).isNull(), lit("missing_required:" + column)));
        }
        reasons.addAll(rules.reasons());
        if (checksCooperative) {
            reasons.add(when(col("cooperative_id").isNotNull().and(col(KNOWN_COOPERATIVE).isNull()), lit(UNKNOWN_COOPERATIVE)));
        }
        Column allReasons = when(col(FieldRecordReader.MALFORMED), array(lit(MALFORMED_ROW)))
                .otherwise(withoutNulls(array(reasons.toArray(Column[]::new))));

        Dataset<Row> checked = values.withColumn(REASONS, allReasons);
        Column invalid = size(col(REASONS)).gt(0);
        List<Column> output = new ArrayList<>();
        for (Table.Column column : recordSet.table().columns()) {
            String name = column.name();
            Column value = switch (name) {
                case "source_file", "source_line", "ingest_run" -> col(name);
                default -> col("v_" + name);
            };
            output.add(value.cast(TableSchemas.sparkType(column.duckdbType())).as(name));
        }
        output.add(col(REASONS));
        output.add(col(IS_RETRY));
        output.add(when(invalid, col(FieldRecordReader.RAW_TEXT)).as(RAW_TEXT));
        output.add(when(invalid, map_filter(map(rawEntries.toArray(Column[]::new)), (key, value) -> value.isNotNull())).as(RAW_VALUES));
        return checked.select(output.toArray(Column[]::new));
    }

    /**
     * The array without its nulls, for arrays of distinct strings. Not array_compact: that is a lambda,
     * which Spark evaluates row by row without generated code, and with it every expression below it
     * (here: every rule). array_except compiles; it also drops duplicates, which distinct strings have not.
     */
    static Column withoutNulls(Column distinctStrings)
    {
        return array_except(distinctStrings, array(lit(null).cast(DataTypes.StringType)));
    }

    /** The typed value of every non-provenance column of the table (by table column name) and the reasons beyond missing_required. */
    private record Rules(Map<String, Column> values, List<Column> reasons)
    {
    }

    private Rules cooperativeRules()
    {
        Map<String, Column> values = new LinkedHashMap<>();
        values.put("cooperative_id", col("cooperative_id"));
        values.put("cooperative_name", col("cooperative_name"));
        values.put("district_code", fields.districtCode(col("district")));
        values.put("sector", col("sector"));
        values.put("value_chain", fields.valueChain(col("value_chain")));
        for (String date : List.of("formed_on", "applied_on", "registered_on", "bdc_linked_on", "union_affiliated_on")) {
            values.put(date, FieldRules.date(col(date)));
        }
        values.put("rca_certificate_no", col("rca_certificate_no"));
        values.put("updated_at", FieldRules.timestamp(col("updated_at")));

        List<Column> reasons = new ArrayList<>();
        reasons.add(when(invalid("district", "district_code"), lit("unknown_district")));
        reasons.add(when(invalid("value_chain", "value_chain"), lit("unknown_value_chain")));
        for (String date : List.of("formed_on", "applied_on", "registered_on", "bdc_linked_on", "union_affiliated_on")) {
            reasons.add(invalidDate(date));
        }
        reasons.add(invalidDate("updated_at"));
        for (String date : List.of("formed_on", "applied_on", "registered_on", "bdc_linked_on", "union_affiliated_on")) {
            reasons.add(inFuture(date));
        }
        reasons.add(before("applied_on", "formed_on"));
        reasons.add(before("registered_on", "formed_on"));
        return new Rules(values, reasons);
    }

    private Rules memberRules()
    {
        Map<String, Column> values = new LinkedHashMap<>();
        values.put("member_id", col("member_id"));
        values.put("cooperative_id", col("cooperative_id"));
        values.put("person_key", personKey.apply(col("national_id")));
        values.put("sex", FieldRules.sex(col("sex")));
        values.put("birth_year", FieldRules.integer(col("birth_year")));
        values.put("has_disability", FieldRules.bool(col("disability")));
        values.put("joined_on", FieldRules.date(col("joined_on")));
        values.put("left_on", FieldRules.date(col("left_on")));
        values.put("updated_at", FieldRules.timestamp(col("updated_at")));

        Column birthYear = col("v_birth_year");
        // Age on joining counts in years, as the indicators count age (year of the date - birth year).
        Column implausibleBirthYear = birthYear.isNull()
                .or(birthYear.lt(1920))
                .or(birthYear.gt(asOf.getYear()))
                .or(year(col("v_joined_on")).minus(birthYear).lt(16));
        List<Column> reasons = new ArrayList<>();
        reasons.add(when(invalid("sex", "sex"), lit("invalid_value:sex")));
        reasons.add(when(col("birth_year").isNotNull().and(implausibleBirthYear), lit("invalid_value:birth_year")));
        reasons.add(when(invalid("disability", "has_disability"), lit("invalid_value:disability")));
        reasons.add(invalidDate("joined_on"));
        reasons.add(invalidDate("left_on"));
        reasons.add(invalidDate("updated_at"));
        reasons.add(inFuture("joined_on"));
        reasons.add(inFuture("left_on"));
        reasons.add(before("left_on", "joined_on"));
        return new Rules(values, reasons);
    }

    private Rules trainingRules()
    {
        Map<String, Column> values = new LinkedHashMap<>();
        values.put("session_id", col("session_id"));
        values.put("held_on", FieldRules.date(col("held_on")));
        values.put("district_code", fields.districtCode(col("district")));
        values.put("topic", fields.topic(col("topic")));
        values.put("cooperative_id", col("cooperative_id"));
        values.put("member_id", col("member_id"));
        Column role = lower(col("attendee_role"));
        values.put("attendee_role", when(role.isin(ROLES.toArray()), role));
        values.put("updated_at", FieldRules.timestamp(col("updated_at")));

        List<Column> reasons = new ArrayList<>();
        reasons.add(when(invalid("district", "district_code"), lit("unknown_district")));
        reasons.add(when(invalid("topic", "topic"), lit("unknown_topic")));
        reasons.add(when(invalid("attendee_role", "attendee_role"), lit("invalid_value:attendee_role")));
        reasons.add(invalidDate("held_on"));
        reasons.add(invalidDate("updated_at"));
        reasons.add(inFuture("held_on"));
        return new Rules(values, reasons);
    }

    private Rules coachingRules()
    {
        Map<String, Column> values = new LinkedHashMap<>();
        values.put("visit_id", col("visit_id"));
        values.put("cooperative_id", col("cooperative_id"));
        values.put("visited_on", FieldRules.date(col("visited_on")));
        values.put("topics", fields.topicList(col("topics")));
        values.put("maturity_score", FieldRules.integer(col("maturity_score")));
        values.put("follow_up_due", FieldRules.date(col("follow_up_due")));
        values.put("updated_at", FieldRules.timestamp(col("updated_at")));

        Column score = col("v_maturity_score");
        List<Column> reasons = new ArrayList<>();
        reasons.add(when(FieldRules.hasUnknownTopic(col("v_topics")), lit("unknown_topic")));
        reasons.add(when(col("maturity_score").isNotNull().and(score.isNull().or(score.lt(0)).or(score.gt(100))), lit("invalid_value:maturity_score")));
        reasons.add(invalidDate("visited_on"));
        reasons.add(invalidDate("follow_up_due"));
        reasons.add(invalidDate("updated_at"));
        // follow_up_due is a plan: it may lie after the as-of date.
        reasons.add(inFuture("visited_on"));
        return new Rules(values, reasons);
    }

    private static Column invalid(String sourceColumn, String tableColumn)
    {
        return FieldRules.isInvalid(col(sourceColumn), col("v_" + tableColumn));
    }

    private static Column invalidDate(String column)
    {
        return when(invalid(column, column), lit("invalid_date:" + column));
    }

    private Column inFuture(String column)
    {
        return when(col("v_" + column).gt(lit(java.sql.Date.valueOf(asOf))), lit("date_in_future:" + column));
    }

    private static Column before(String column, String earliest)
    {
        return when(col("v_" + column).lt(col("v_" + earliest)), lit("date_order:" + column));
    }
}
