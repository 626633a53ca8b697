package org.jijukirwa.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

/**
 * Normalisation of one field, as Spark column expressions (data-contract.md,
 * "Normalisation"). Each parser returns null for a value it cannot read, so
 * "present but invalid" is {@code text.isNotNull().and(value.isNull())}.
 * Dates and date-times read in the session time zone, which the job sets to
 * Africa/Kigali: an offset date-time lands on its Kigali date, one without an
 * offset is Kigali local time.
 */
public final class FieldRules
{
    private static final String BLANKS = " \t\r\n\u00a0";
    private static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    private static final String DAY_FIRST_DATE = "^\\d{2}/\\d{2}/\\d{4}$";
    private static final String ISO_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$";
    private static final String INTEGER = "^[+-]?\\d{1,9}$";

    private static final Map<String, String> SEXES = Map.ofEntries(
            Map.entry("f", "F"), Map.entry("female", "F"), Map.entry("woman", "F"), Map.entry("gore", "F"), Map.entry("umugore", "F"),
            Map.entry("m", "M"), Map.entry("male", "M"), Map.entry("man", "M"), Map.entry("gabo", "M"), Map.entry("umugabo", "M"));
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "yes", true, "no", false, "true", true, "false", false, "1", true, "0", false, "yego", true, "oya", false);

    private final Column districts;
    private final Column valueChains;
    private final Column topics;

    public FieldRules(ReferenceData reference)
    {
        this.districts = lookup(reference.districtAliases());
        this.valueChains = lookup(reference.valueChainAliases());
        this.topics = lookup(reference.topicAliases());
    }

    /** Trimmed; an empty string is missing (null). */
    public static Column text(Column raw)
    {
        Column trimmed = btrim(raw, lit(BLANKS));
        return when(trimmed.notEqual(lit("")), trimmed);
    }

    /** NISR code of a district given by code or name (`GASABO`, ` gasabo District`, `Akarere ka Gasabo`); null when unknown. */
    public Column districtCode(Column text)
    {
        Column name = regexp_replace(lower(text), "^akarere\\s+ka\\s+|\\s+district$", "");
        return try_element_at(districts, name);
    }

    /** Value chain code given by code or English label, case-insensitive; null when unknown. */
    public Column valueChain(Column text)
    {
        return try_element_at(valueChains, lower(text));
    }

    /** Topic code, case-insensitive; null when unknown. */
    public Column topic(Column text)
    {
        return try_element_at(topics, lower(text));
    }

    /** The topics of a list separated by `;` or blanks, each as its code (null where unknown), duplicates dropped. */
    public Column topicList(Column text)
    {
        Column names = filter(split(text, "[;\\s]+"), name -> name.notEqual(lit("")));
        return when(text.isNotNull(), array_distinct(transform(names, this::topic)));
    }

    /** Whether a topic list holds a name that is no topic. */
    public static Column hasUnknownTopic(Column topicList)
    {
        return coalesce(exists(topicList, topic -> topic.isNull()), lit(false));
    }

    /** F or M; U when missing; null when present but not a known word. */
    public static Column sex(Column text)
    {
        return when(text.isNull(), lit("U")).otherwise(try_element_at(lookup(SEXES), lower(text)));
    }

    public static Column bool(Column text)
    {
        return try_element_at(lookup(BOOLEANS), lower(text));
    }

    public static Column integer(Column text)
    {
        return when(text.rlike(INTEGER), text.try_cast(DataTypes.IntegerType));
    }

    /** A date from `yyyy-MM-dd`, `dd/MM/yyyy` or an ISO-8601 date-time (its Kigali date). */
    public static Column date(Column text)
    {
        Column isoDate = when(text.rlike(ISO_DATE), text.try_cast(DataTypes.DateType));
        Column dayFirst = when(text.rlike(DAY_FIRST_DATE),
                concat(substring(text, 7, 4), lit("-"), substring(text, 4, 2), lit("-"), substring(text, 1, 2)).try_cast(DataTypes.DateType));
        Column dateTime = when(text.rlike(ISO_DATE_TIME), to_date(dateTime(text)));
        return coalesce(isoDate, dayFirst, dateTime);
    }

    /** An instant from a date-time (Kigali time without offset) or a date (its Kigali midnight). */
    public static Column timestamp(Column text)
    {
        Column dateOnly = when(text.rlike(ISO_DATE).or(text.rlike(DAY_FIRST_DATE)), date(text).cast(DataTypes.TimestampType));
        return coalesce(when(text.rlike(ISO_DATE_TIME), dateTime(text)), dateOnly);
    }

    public static Column isInvalid(Column text, Column value)
    {
        return text.isNotNull().and(value.isNull());
    }

    private static Column dateTime(Column text)
    {
        // Spark reads "+02:00" and "Z"; give "+0200" and "+02" their colon and minutes.
        Column withColonOffset = regexp_replace(regexp_replace(text, "([+-]\\d{2})(\\d{2})$", "$1:$2"), "([+-]\\d{2})$", "$1:00");
        return withColonOffset.try_cast(DataTypes.TimestampType);
    }

    private static <V> Column lookup(Map<String, V> entries)
    {
        List<Column> keysAndValues = new ArrayList<>();
        entries.forEach((key, value) -> {
            keysAndValues.add(lit(key));
            keysAndValues.add(lit(value));
        });
        return map(keysAndValues.toArray(Column[]::new));
    }
}
