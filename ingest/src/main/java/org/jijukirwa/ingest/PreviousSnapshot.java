package org.jijukirwa.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The snapshot CURRENT named when the run started: where the run starts from. Empty before the first publish. */
public final class PreviousSnapshot
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final WarehouseDirectory warehouse;
    private final Optional<String> snapshotId;

    public PreviousSnapshot(SparkSession spark, WarehouseDirectory warehouse, Optional<String> snapshotId)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.snapshotId = requireNonNull(snapshotId, "snapshotId is null");
        snapshotId.ifPresent(id -> {
            if (!Files.isDirectory(warehouse.snapshot(id))) {
                throw new IngestException("CURRENT names snapshot " + id + " but " + warehouse.snapshot(id) + " is missing");
            }
        });
    }

    public Optional<String> snapshotId()
    {
        return snapshotId;
    }

    /** The as-of date in the snapshot's manifest. */
    public Optional<LocalDate> asOf()
    {
        return manifest().map(SnapshotManifest::asOf);
    }

    /** The fingerprint of the reference data the snapshot was validated against ({@link ReferenceData#fingerprint}), if its manifest has one. */
    public Optional<String> referenceFingerprint()
    {
        return manifest().flatMap(SnapshotManifest::referenceFingerprint);
    }

    /** The snapshot's manifest; empty without a previous snapshot. */
    public Optional<SnapshotManifest> manifest()
    {
        if (snapshotId.isEmpty()) {
            return Optional.empty();
        }
        Path file = warehouse.snapshot(snapshotId.get()).resolve(WarehouseDirectory.MANIFEST_FILE);
        try {
            return Optional.of(SnapshotManifest.read(file));
        }
        catch (IOException | IllegalStateException e) {
            throw new IngestException("snapshot " + snapshotId.get() + " has an unreadable manifest: " + e.getMessage(), e);
        }
    }

    /**
     * The rows of a record set's table: the current keys its run report counted (the table holds one row per key),
     * or a count of the table for a snapshot without them; 0 without a previous snapshot.
     */
    public long rows(RecordSet recordSet)
    {
        if (snapshotId.isEmpty()) {
            return 0;
        }
        JsonNode currentKeys = json(WarehouseDirectory.RUN_REPORT_FILE).path("datasets").path(recordSet.datasetName()).path("current_keys");
        if (currentKeys.isIntegralNumber()) {
            return currentKeys.asLong();
        }
        try {
            return table(recordSet.table()).count();
        }
        catch (Exception e) {  // Spark throws its checked SparkException unchecked
            throw new IngestException("cannot read table " + recordSet.table().tableName() + " of snapshot " + snapshotId.get() + ": " + e.getMessage(), e);
        }
    }

    /** A JSON file of the snapshot; an empty object when there is no snapshot or no such file. */
    private JsonNode json(String fileName)
    {
        if (snapshotId.isEmpty()) {
            return JSON.createObjectNode();
        }
        Path file = warehouse.snapshot(snapshotId.get()).resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        }
        catch (IOException e) {
            throw new IngestException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a table as published, if there is a previous snapshot and it has the table. */
    public Optional<Path> tableFolder(Table table)
    {
        return snapshotId.map(id -> warehouse.table(id, table)).filter(Files::isDirectory);
    }

    /** The table as published, or no rows when there is no previous snapshot (or it lacks the table). */
    public Dataset<Row> table(Table table)
    {
        if (snapshotId.isPresent()) {
            Path folder = warehouse.table(snapshotId.get(), table);
            if (Files.isDirectory(folder)) {
                return spark.read().schema(TableSchemas.schema(table)).parquet(folder.toString());
            }
        }
        return spark.createDataFrame(List.of(), TableSchemas.schema(table));
    }
}
