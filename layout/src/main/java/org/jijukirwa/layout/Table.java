package org.jijukirwa.layout;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One table of a snapshot: a folder of Parquet files named after the table.
 * The column lists are the contract: the ingest writes exactly these columns
 * (in this order, with these logical types) and the warehouse reads them.
 * Types are named as DuckDB names them; the Spark writer maps them one to one.
 */
public enum Table
{
    // ---- the four record sets: current accepted version of every key, pseudonymised, then its provenance ----
    COOPERATIVES("cooperatives", recordSet(
            Column.text("cooperative_id"),
            Column.text("cooperative_name"),
            Column.text("district_code"),      // NISR two-digit code, e.g. "12" (Gasabo)
            Column.text("sector"),
            Column.text("value_chain"),        // value chain code, e.g. "tailoring"
            Column.date("formed_on"),
            Column.date("applied_on"),
            Column.date("registered_on"),
            Column.text("rca_certificate_no"),
            Column.date("bdc_linked_on"),
            Column.date("union_affiliated_on"))),
    MEMBERS("members", recordSet(
            Column.text("member_id"),
            Column.text("cooperative_id"),
            Column.text("person_key"),         // HMAC-SHA-256 (hex) of national_id; null when none given
            Column.text("sex"),                // F, M or U
            Column.integer("birth_year"),
            Column.bool("has_disability"),
            Column.date("joined_on"),
            Column.date("left_on"))),
    /** Training attendance: one row per attendee of a session. */
    TRAININGS("trainings", recordSet(
            Column.text("session_id"),
            Column.date("held_on"),
            Column.text("district_code"),      // where the session was held
            Column.text("topic"),
            Column.text("cooperative_id"),
            Column.text("member_id"),          // null when the attendee is not a registered member
            Column.text("attendee_role"))),
    COACHING("coaching", recordSet(
            Column.text("visit_id"),
            Column.text("cooperative_id"),
            Column.date("visited_on"),
            Column.textList("topics"),
            Column.integer("maturity_score"),
            Column.date("follow_up_due"))),

    // ---- reference data the run validated against (copied into every snapshot) ----
    DISTRICTS("districts", List.of(
            Column.text("district_code"),
            Column.text("district"),           // English name, e.g. "Gasabo"
            Column.text("province_code"),      // "1".."5"
            Column.text("province"))),         // English name, e.g. "Kigali City"
    VALUE_CHAINS("value_chains", List.of(
            Column.text("value_chain"),
            Column.text("label"))),
    TOPICS("topics", List.of(
            Column.text("topic"),
            Column.text("label"))),
    /**
     * Targets: {@code target} is the indicator it measures against
     * ({@code coops_formed}, {@code coops_registered}, {@code training_sessions});
     * {@code district_code} null means a programme-wide target.
     */
    TARGETS("targets", List.of(
            Column.text("target"),
            Column.text("district_code"),
            Column.doublePrecision("value"))),

    // ---- what the run rejected, and what it has read ----
    /**
     * Rejected rows with their raw text, one entry per distinct rejected row (dataset, raw values, reasons):
     * source_file, source_line and ingest_run say where it was first seen, the last_seen columns where it was
     * last seen, times_seen how often. Holds personal data: never served to anonymous users.
     */
    QUARANTINE("quarantine", List.of(
            Column.text("dataset"),
            Column.text("source_file"),
            Column.bigint("source_line"),
            Column.text("raw_text"),           // the row as it stood in the file
            Column.textMap("raw_values"),      // contract column -> raw value, used to retry the row
            Column.textList("reasons"),
            Column.text("ingest_run"),
            Column.text("last_seen_run"),
            Column.text("last_seen_file"),
            Column.bigint("last_seen_line"),
            Column.bigint("times_seen"))),
    INGESTED_FILES("ingested_files", List.of(
            Column.text("dataset"),
            Column.text("source_file"),
            Column.text("content_sha256"),
            Column.text("ingest_run"),
            Column.bigint("rows_read")));

    private final String tableName;
    private final List<Column> columns;

    Table(String tableName, List<Column> columns)
    {
        this.tableName = tableName;
        this.columns = List.copyOf(columns);
    }

    /** Folder name inside a snapshot, and the table name in SQL. */
    public String tableName()
    {
        return tableName;
    }

    public List<Column> columns()
    {
        return columns;
    }

    public List<String> columnNames()
    {
        return columns.stream().map(Column::name).toList();
    }

    /** The columns of a record set: its own, then the version and provenance columns every record set ends with. */
    private static List<Column> recordSet(Column... columns)
    {
        List<Column> all = new ArrayList<>(List.of(columns));
        all.add(Column.timestamp("updated_at"));    // UTC instant; null when the record carried none
        all.add(Column.text("source_file"));        // provenance of the winning version
        all.add(Column.bigint("source_line"));
        all.add(Column.text("ingest_run"));
        return all;
    }

    public static Table forName(String name)
    {
        requireNonNull(name, "name is null");
        for (Table table : values()) {
            if (table.tableName.equals(name)) {
                return table;
            }
        }
        throw new IllegalArgumentException("no table named " + name);
    }

    /** A column of the layout with its DuckDB type name. */
    public record Column(String name, String duckdbType)
    {
        public Column
        {
            requireNonNull(name, "name is null");
            requireNonNull(duckdbType, "duckdbType is null");
        }

        static Column text(String name) { return new Column(name, "VARCHAR"); }
        static Column date(String name) { return new Column(name, "DATE"); }
        static Column timestamp(String name) { return new Column(name, "TIMESTAMP WITH TIME ZONE"); }
        static Column integer(String name) { return new Column(name, "INTEGER"); }
        static Column bigint(String name) { return new Column(name, "BIGINT"); }
        static Column bool(String name) { return new Column(name, "BOOLEAN"); }
        static Column doublePrecision(String name) { return new Column(name, "DOUBLE"); }
        static Column textList(String name) { return new Column(name, "VARCHAR[]"); }
        static Column textMap(String name) { return new Column(name, "MAP(VARCHAR, VARCHAR)"); }
    }
}
