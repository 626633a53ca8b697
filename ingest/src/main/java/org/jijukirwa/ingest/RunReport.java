package org.jijukirwa.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a run read and decided, per dataset and file; written as
 * run-report.json into the snapshot and printed as a summary.
 * Per file and dataset, rows_read = valid_rows + quarantined; unchanged rows
 * are valid rows that changed nothing.
 */
public record RunReport(
        String snapshotId,
        LocalDate asOf,
        Instant startedAt,
        Instant finishedAt,
        String input,
        Optional<String> previousSnapshot,
        SortedMap<String, DatasetReport> datasets,
        List<String> ignoredFiles)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunReport
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(input, "input is null");
        requireNonNull(previousSnapshot, "previousSnapshot is null");
        datasets = new TreeMap<>(datasets);
        ignoredFiles = List.copyOf(ignoredFiles);
    }

    public record DatasetReport(
            long rowsRead,
            long validRows,
            long unchangedRows,
            long quarantinedRows,
            SortedMap<String, Long> byReason,
            long currentKeys,
            long releasedFromQuarantine,
            List<String> ignoredColumns,
            SortedMap<String, FileReport> files)
    {
        public DatasetReport
        {
            byReason = new TreeMap<>(byReason);
            ignoredColumns = List.copyOf(ignoredColumns);
            files = new TreeMap<>(files);
        }
    }

    public record FileReport(long rowsRead, long validRows, long unchangedRows, long quarantined, SortedMap<String, Long> byReason, boolean skippedAlreadyIngested)
    {
        public FileReport
        {
            byReason = new TreeMap<>(byReason);
        }
    }

    public ObjectNode toJson()
    {
        ObjectNode root = JSON.createObjectNode();
        root.put("snapshot_id", snapshotId);
        root.put("as_of", asOf.toString());
        root.put("started_at", startedAt.toString());
        root.put("finished_at", finishedAt.toString());
        root.put("input", input);
        root.put("previous_snapshot", previousSnapshot.orElse(null));
        ObjectNode datasetsNode = root.putObject("datasets");
        datasets.forEach((name, dataset) -> {
            ObjectNode node = datasetsNode.putObject(name);
            node.put("rows_read", dataset.rowsRead());
            node.put("valid_rows", dataset.validRows());
            node.put("unchanged_rows", dataset.unchangedRows());
            node.put("quarantined_rows", dataset.quarantinedRows());
            putCounts(node.putObject("by_reason"), dataset.byReason());
            node.put("current_keys", dataset.currentKeys());
            node.put("released_from_quarantine", dataset.releasedFromQuarantine());
            ArrayNode ignoredColumnsNode = node.putArray("ignored_columns");
            dataset.ignoredColumns().forEach(ignoredColumnsNode::add);
            ObjectNode filesNode = node.putObject("files");
            dataset.files().forEach((path, file) -> {
                ObjectNode fileNode = filesNode.putObject(path);
                fileNode.put("rows_read", file.rowsRead());
                fileNode.put("valid_rows", file.validRows());
                fileNode.put("unchanged_rows", file.unchangedRows());
                fileNode.put("quarantined", file.quarantined());
                putCounts(fileNode.putObject("by_reason"), file.byReason());
                fileNode.put("skipped_already_ingested", file.skippedAlreadyIngested());
            });
        });
        ArrayNode ignoredFilesNode = root.putArray("ignored_files");
        ignoredFiles.forEach(ignoredFilesNode::add);
        return root;
    }

    public String toJsonText()
    {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n";
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A readable summary for the terminal (counts only, never row contents). */
    public String summary()
    {
        StringBuilder text = new StringBuilder();
        text.append("Snapshot ").append(snapshotId).append(" published, as of ").append(asOf)
                .append(" (previous: ").append(previousSnapshot.orElse("none")).append(")\n");
        datasets.forEach((name, dataset) -> {
            text.append(String.format("%n%s: read %d, accepted %d (unchanged %d), quarantined %d, current keys %d, released from quarantine %d%n",
                    name, dataset.rowsRead(), dataset.validRows(), dataset.unchangedRows(), dataset.quarantinedRows(), dataset.currentKeys(), dataset.releasedFromQuarantine()));
            appendReasons(text, "    ", dataset.byReason());
            dataset.files().forEach((path, file) -> {
                if (file.skippedAlreadyIngested()) {
                    text.append("  ").append(path).append(": skipped, already ingested\n");
                    return;
                }
                text.append(String.format("  %s: read %d, accepted %d (unchanged %d), quarantined %d%n",
                        path, file.rowsRead(), file.validRows(), file.unchangedRows(), file.quarantined()));
                appendReasons(text, "      ", file.byReason());
            });
            if (!dataset.ignoredColumns().isEmpty()) {
                text.append("  ignored columns: ").append(String.join(", ", dataset.ignoredColumns())).append('\n');
            }
        });
        if (!ignoredFiles.isEmpty()) {
            text.append("\nignored files: ").append(String.join(", ", ignoredFiles)).append('\n');
        }
        return text.toString();
    }

    private static void appendReasons(StringBuilder text, String indent, Map<String, Long> byReason)
    {
        byReason.forEach((reason, count) -> text.append(indent).append(reason).append(' ').append(count).append('\n'));
    }

    private static void putCounts(ObjectNode node, Map<String, Long> counts)
    {
        counts.forEach(node::put);
    }
}
