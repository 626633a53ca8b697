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
 * are valid rows that changed nothing; quarantine repeats are quarantined rows
 * the quarantine already held (one entry per distinct rejected row).
 * {@code published} is false for a run that found nothing new (no snapshot
 * was written: {@code snapshotId} is the run's id, CURRENT still names
 * {@code previousSnapshot}).
 */
public record RunReport(
        String snapshotId,
        LocalDate asOf,
        Instant startedAt,
        Instant finishedAt,
        String input,
        Optional<String> previousSnapshot,
        SortedMap<String, DatasetReport> datasets,
        List<String> ignoredFiles,
        List<String> warnings,
        boolean published,
        List<FileRejection> rejectedFiles)
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
        warnings = List.copyOf(warnings);
        rejectedFiles = List.copyOf(rejectedFiles);
    }

    /** A report without rejected files. */
    public RunReport(String snapshotId, LocalDate asOf, Instant startedAt, Instant finishedAt, String input, Optional<String> previousSnapshot,
                     SortedMap<String, DatasetReport> datasets, List<String> ignoredFiles, List<String> warnings, boolean published)
    {
        this(snapshotId, asOf, startedAt, finishedAt, input, previousSnapshot, datasets, ignoredFiles, warnings, published, List.of());
    }

    /** The same report with these warnings. */
    public RunReport withWarnings(List<String> newWarnings)
    {
        return new RunReport(snapshotId, asOf, startedAt, finishedAt, input, previousSnapshot, datasets, ignoredFiles, newWarnings, published, rejectedFiles);
    }

    /** The same report with these files rejected as files. */
    public RunReport withRejectedFiles(List<FileRejection> rejections)
    {
        return new RunReport(snapshotId, asOf, startedAt, finishedAt, input, previousSnapshot, datasets, ignoredFiles, warnings, published, rejections);
    }

    public record DatasetReport(
            long rowsRead,
            long validRows,
            long unchangedRows,
            long quarantinedRows,
            long quarantineRepeats,
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

        /** A file whose content was already ingested: nothing read. */
        public static FileReport skipped()
        {
            return new FileReport(0, 0, 0, 0, new TreeMap<>(), true);
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
        root.put("published", published);
        ArrayNode warningsNode = root.putArray("warnings");
        warnings.forEach(warningsNode::add);
        ObjectNode datasetsNode = root.putObject("datasets");
        datasets.forEach((name, dataset) -> {
            ObjectNode node = datasetsNode.putObject(name);
            node.put("rows_read", dataset.rowsRead());
            node.put("valid_rows", dataset.validRows());
            node.put("unchanged_rows", dataset.unchangedRows());
            node.put("quarantined_rows", dataset.quarantinedRows());
            node.put("quarantine_repeats", dataset.quarantineRepeats());
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
        ArrayNode rejectedNode = root.putArray("rejected_files");
        rejectedFiles.forEach(rejection -> rejectedNode.addObject()
                .put("file", rejection.file()).put("reason", rejection.reason().code()).put("message", rejection.message()));
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

    /** A readable summary for the terminal (counts only, never row contents): per dataset, then per file. */
    public String summary()
    {
        StringBuilder text = new StringBuilder(heading());
        datasets.forEach((name, dataset) -> {
            text.append('\n').append(datasetLine(name, dataset));
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
        appendRejections(text);
        appendWarnings(text);
        return text.toString();
    }

    /** The heading and one line per dataset (the demo's summary); the per-file detail stays in run-report.json. */
    public String brief()
    {
        StringBuilder text = new StringBuilder(heading());
        datasets.forEach((name, dataset) -> text.append(datasetLine(name, dataset)));
        if (!ignoredFiles.isEmpty()) {
            text.append("ignored files: ").append(ignoredFiles.size()).append('\n');
        }
        appendRejections(text);
        appendWarnings(text);
        return text.toString();
    }

    private String heading()
    {
        if (!published) {
            return "Nothing new: every input file was already ingested and nothing else changed; no snapshot published, "
                    + previousSnapshot.map(id -> "CURRENT is still " + id).orElse("no snapshot yet") + "\n";
        }
        return "Snapshot " + snapshotId + " published, as of " + asOf + " (previous: " + previousSnapshot.orElse("none") + ")\n";
    }

    private static String datasetLine(String name, DatasetReport dataset)
    {
        String repeats = dataset.quarantineRepeats() > 0 ? " (" + dataset.quarantineRepeats() + " already in the quarantine)" : "";
        long skipped = dataset.files().values().stream().filter(FileReport::skippedAlreadyIngested).count();
        return String.format("%s: read %d, accepted %d (unchanged %d), quarantined %d%s, current keys %d, released from quarantine %d%s%n",
                name, dataset.rowsRead(), dataset.validRows(), dataset.unchangedRows(), dataset.quarantinedRows(), repeats, dataset.currentKeys(),
                dataset.releasedFromQuarantine(), skipped > 0 ? "; " + skipped + " file(s) already ingested" : "");
    }

    /** Each rejected file on its line, in the brief summary too: a file nobody reads must not go unnoticed. */
    private void appendRejections(StringBuilder text)
    {
        if (!rejectedFiles.isEmpty()) {
            text.append(rejectedFiles.size()).append(" file(s) rejected, not read (the rest is published; fix them and run again):\n");
            rejectedFiles.forEach(rejection -> text.append("  ").append(rejection.line()).append('\n'));
        }
    }

    private void appendWarnings(StringBuilder text)
    {
        for (String warning : warnings) {
            text.append("WARNING: ").append(warning).append('\n');
        }
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
