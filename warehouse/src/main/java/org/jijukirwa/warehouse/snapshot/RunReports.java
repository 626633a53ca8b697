package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jijukirwa.layout.WarehouseDirectory;

import static java.util.Objects.requireNonNull;

/** The run reports of the published snapshots, read once each (a published snapshot never changes). */
public final class RunReports
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarehouseDirectory directory;
    private final Map<String, JsonNode> reports = new ConcurrentHashMap<>();

    public RunReports(WarehouseDirectory directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** One per published snapshot that has a run report, newest first. */
    public List<RunReport> newestFirst()
    {
        List<String> ids = new ArrayList<>(directory.snapshotIds());
        Collections.reverse(ids);
        List<RunReport> runs = new ArrayList<>();
        for (String id : ids) {
            Path file = directory.snapshot(id).resolve(WarehouseDirectory.RUN_REPORT_FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode report = reports.computeIfAbsent(id, ignored -> read(file));
            runs.add(new RunReport(id, report));
        }
        return runs;
    }

    /** The run report of one snapshot, if the warehouse still holds the snapshot and it has one. */
    public Optional<JsonNode> report(String snapshotId)
    {
        requireNonNull(snapshotId, "snapshotId is null");
        if (!WarehouseDirectory.isSnapshotId(snapshotId)) {
            return Optional.empty();
        }
        Path file = directory.snapshot(snapshotId).resolve(WarehouseDirectory.RUN_REPORT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(reports.computeIfAbsent(snapshotId, ignored -> read(file)));
    }

    private static JsonNode read(Path file)
    {
        try {
            return JSON.readTree(file.toFile());
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read the run report " + file + ": " + e.getMessage(), e);
        }
    }
}
