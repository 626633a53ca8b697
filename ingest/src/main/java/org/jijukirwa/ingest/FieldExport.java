package org.jijukirwa.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How one table of a field tool's export becomes rows of a record set (made on the driver by
 * {@link FieldExportPlanner}, read in a task by {@link FieldExportRows}). Column names here are the
 * table's "virtual" columns: its own header, then for a repeat table its parent's header (own names win),
 * and for numbered repeat columns ({@code attendee[2]/member_id}) the names after the repeat's prefix.
 *
 * @param container the kind of physical file
 * @param table the table in the physical file ("" for a CSV file)
 * @param layout how repeat rows are laid out
 * @param parentTable for a repeat table: its parent's table (Kobo: {@code _parent_table_name}; ODK: the CSV one name up)
 * @param repeatName the repeat group's name (for the repeat-row key), or null for a main table
 * @param columns virtual column -> contract column
 * @param choiceFlags contract column (a list) -> virtual True/False column -> choice name (select_multiple split into columns)
 * @param valueNames contract column -> lower-case label or alias -> choice name
 * @param utcColumns virtual columns whose date-times without offset are UTC (Kobo {@code _submission_time})
 * @param reviewColumn the virtual column holding the review state, or null
 * @param submissionKeyColumn the virtual column holding the submission's instance id ({@code _uuid}, {@code KEY}), or null
 * @param fillKeyColumn the optional key column a repeat row without a value gets its repeat-row key in, or null
 * @param ignoredColumns the header names that feed no contract column, for the run report
 */
public record FieldExport(
        ExportContainer container,
        String table,
        RepeatLayout layout,
        String parentTable,
        String repeatName,
        Map<String, String> columns,
        Map<String, Map<String, String>> choiceFlags,
        Map<String, Map<String, String>> valueNames,
        Set<String> utcColumns,
        String reviewColumn,
        String submissionKeyColumn,
        String fillKeyColumn,
        List<String> ignoredColumns)
        implements Serializable
{
    public enum RepeatLayout
    {
        /** One row per table row. */
        NONE,
        /** A repeat's own table, joined to its parent's rows (Kobo {@code _parent_index} -> {@code _index}, ODK {@code PARENT_KEY} -> {@code KEY}). */
        CHILD_TABLE,
        /** The legacy KoBoCAT CSV: one row per number of {@code repeat[n]/...} columns, the other columns repeated. */
        NUMBERED_COLUMNS
    }

    public FieldExport
    {
        requireNonNull(container, "container is null");
        requireNonNull(table, "table is null");
        requireNonNull(layout, "layout is null");
        columns = Map.copyOf(columns);
        choiceFlags = Map.copyOf(choiceFlags);
        valueNames = Map.copyOf(valueNames);
        utcColumns = Set.copyOf(utcColumns);
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
