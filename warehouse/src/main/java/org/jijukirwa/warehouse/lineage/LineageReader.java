package org.jijukirwa.warehouse.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.snapshot.RunReports;
import org.jijukirwa.warehouse.snapshot.SnapshotLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Reads what built a snapshot from its folder: the manifest (dates, reference files), the ingested_files table (each
 * input file once, with its content hash and the run that read it) and the run reports of those runs (what each file
 * gave: rows accepted and quarantined). Once per snapshot: a published snapshot never changes.
 */
public final class LineageReader
{
    private final WarehouseDirectory directory;
    private final RunReports runReports;
    private final Map<String, SnapshotLineage> read = new ConcurrentHashMap<>();

    public LineageReader(WarehouseDirectory directory, RunReports runReports)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.runReports = requireNonNull(runReports, "runReports is null");
    }

    /**
     * The lineage of a published snapshot, as managers see it.
     *
     * @throws UnknownSnapshotException when the warehouse holds no such snapshot
     */
    public SnapshotLineage lineage(String snapshotId)
    {
        requireNonNull(snapshotId, "snapshotId is null");
        if (!WarehouseDirectory.isSnapshotId(snapshotId) || !Files.isRegularFile(directory.snapshot(snapshotId).resolve(WarehouseDirectory.MANIFEST_FILE))) {
            throw new UnknownSnapshotException(snapshotId);
        }
        return read.computeIfAbsent(snapshotId, this::readLineage);
    }

    private SnapshotLineage readLineage(String snapshotId)
    {
        SnapshotManifest manifest = SnapshotLoader.readManifest(directory, snapshotId);
        List<IngestedFile> ingested = ingestedFiles(directory.table(snapshotId, Table.INGESTED_FILES), snapshotId);
        Set<String> runIds = new LinkedHashSet<>();
        List<SnapshotLineage.InputFile> files = new ArrayList<>();
        for (IngestedFile file : ingested) {
            runIds.add(file.run());
            JsonNode counts = runReports.report(file.run())
                    .map(report -> report.path("datasets").path(file.dataset()).path("files").path(file.sourceFile()))
                    .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            files.add(new SnapshotLineage.InputFile(file.dataset(), Optional.of(file.sourceFile()), file.contentSha256(), file.run(), file.rowsRead(),
                    count(counts, "valid_rows"), count(counts, "quarantined")));
        }
        // the snapshot's own run built it even when it read no new file (a retry of the quarantine, a new as-of date)
        runIds.remove(snapshotId);
        runIds.add(snapshotId);
        List<SnapshotLineage.Run> runs = runIds.stream().map(this::run).toList();
        return new SnapshotLineage(snapshotId, manifest.asOf(), manifest.startedAt(), manifest.finishedAt(), runs, files, manifest.referenceFiles());
    }

    private SnapshotLineage.Run run(String runId)
    {
        Optional<JsonNode> report = runReports.report(runId);
        return new SnapshotLineage.Run(runId,
                report.flatMap(node -> text(node, "as_of")).map(LocalDate::parse),
                report.flatMap(node -> text(node, "started_at")).map(Instant::parse),
                report.flatMap(node -> text(node, "finished_at")).map(Instant::parse));
    }

    private static Optional<String> text(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    private static OptionalLong count(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || !value.isIntegralNumber() ? OptionalLong.empty() : OptionalLong.of(value.asLong());
    }

    /** The rows of a snapshot's ingested_files table, in the order the runs read them (run id, then dataset and name). */
    private static List<IngestedFile> ingestedFiles(Path folder, String snapshotId)
    {
        if (!SnapshotLoader.hasParquetFiles(folder)) {
            return List.of();
        }
        String sql = "select dataset, source_file, content_sha256, ingest_run, rows_read from read_parquet(?) "
                + "order by ingest_run, dataset, source_file";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, SnapshotLoader.parquetFiles(folder));
            List<IngestedFile> files = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    files.add(new IngestedFile(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5)));
                }
            }
            return files;
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the ingested files of snapshot " + snapshotId + ": " + e.getMessage(), e);
        }
    }

    private record IngestedFile(String dataset, String sourceFile, String contentSha256, String run, long rowsRead)
    {
    }
}
