package org.jijukirwa.ingest;

import org.jijukirwa.layout.Table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The four record sets of the data contract: their source columns (as the
 * contract names them), the required ones, the key, and the layout table
 * their current versions go to.
 */
public enum RecordSet
{
    COOPERATIVES("cooperatives", "cooperative", Table.COOPERATIVES,
            List.of("cooperative_id", "cooperative_name", "district", "sector", "value_chain", "formed_on", "applied_on",
                    "registered_on", "rca_certificate_no", "bdc_linked_on", "union_affiliated_on", "updated_at"),
            List.of("cooperative_id", "district", "value_chain", "formed_on"),
            List.of("cooperative_id")),
    MEMBERS("members", "member", Table.MEMBERS,
            List.of("member_id", "cooperative_id", "national_id", "full_name", "phone", "sex", "birth_year", "disability",
                    "joined_on", "left_on", "updated_at"),
            List.of("member_id", "cooperative_id", "joined_on"),
            List.of("member_id")),
    TRAININGS("trainings", "training", Table.TRAININGS,
            List.of("session_id", "held_on", "district", "topic", "cooperative_id", "member_id", "attendee_role",
                    "facilitator", "updated_at"),
            List.of("session_id", "held_on", "district", "topic", "cooperative_id"),
            List.of("session_id", "cooperative_id", "member_id")),
    COACHING("coaching", "coaching", Table.COACHING,
            List.of("visit_id", "cooperative_id", "visited_on", "coach", "topics", "maturity_score", "follow_up_due",
                    "notes", "updated_at"),
            List.of("visit_id", "cooperative_id", "visited_on"),
            List.of("visit_id"));

    private final String datasetName;
    private final String namePrefix;
    private final Table table;
    private final List<String> sourceColumns;
    private final List<String> requiredColumns;
    private final List<String> keyColumns;

    RecordSet(String datasetName, String namePrefix, Table table, List<String> sourceColumns, List<String> requiredColumns, List<String> keyColumns)
    {
        this.datasetName = datasetName;
        this.namePrefix = namePrefix;
        this.table = table;
        this.sourceColumns = List.copyOf(sourceColumns);
        this.requiredColumns = List.copyOf(requiredColumns);
        this.keyColumns = List.copyOf(keyColumns);
    }

    /** The name used in folder names, the run report and the quarantine's dataset column. */
    public String datasetName()
    {
        return datasetName;
    }

    public Table table()
    {
        return table;
    }

    /** The contract's columns of this record set, as a source file may carry them. */
    public List<String> sourceColumns()
    {
        return sourceColumns;
    }

    public List<String> requiredColumns()
    {
        return requiredColumns;
    }

    /** Columns of the layout table that identify one record. */
    public List<String> keyColumns()
    {
        return keyColumns;
    }

    /** Every source column of every record set, in a stable order: the columns of the parsed input. */
    public static List<String> allSourceColumns()
    {
        Set<String> columns = new LinkedHashSet<>();
        for (RecordSet recordSet : values()) {
            columns.addAll(recordSet.sourceColumns);
        }
        return List.copyOf(columns);
    }

    public static Optional<RecordSet> forDatasetName(String name)
    {
        for (RecordSet recordSet : values()) {
            if (recordSet.datasetName.equals(name)) {
                return Optional.of(recordSet);
            }
        }
        return Optional.empty();
    }

    /** The record set a file or folder name announces (`cooperatives_2019.csv`, `members`), if any. */
    public static Optional<RecordSet> forFileOrFolderName(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT);
        for (RecordSet recordSet : values()) {
            if (lower.startsWith(recordSet.namePrefix)) {
                return Optional.of(recordSet);
            }
        }
        return Optional.empty();
    }
}
