package org.jijukirwa.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
        if (snapshotId.isEmpty()) {
            return Optional.empty();
        }
        Path manifest = warehouse.snapshot(snapshotId.get()).resolve(WarehouseDirectory.MANIFEST_FILE);
        try {
            JsonNode asOf = new ObjectMapper().readTree(manifest.toFile()).get("as_of");
            return asOf == null || asOf.isNull() ? Optional.empty() : Optional.of(LocalDate.parse(asOf.asText()));
        }
        catch (IOException | java.time.format.DateTimeParseException e) {
            throw new IngestException("cannot read the as-of date of snapshot " + snapshotId.get() + " from " + manifest + ": " + e.getMessage(), e);
        }
    }

    /** The table's rows (0 without a previous snapshot). */
    public long rows(Table table)
    {
        if (snapshotId.isEmpty()) {
            return 0;
        }
        try {
            return table(table).count();
        }
        catch (Exception e) {  // Spark throws its checked SparkException unchecked
            throw new IngestException("cannot read table " + table.tableName() + " of snapshot " + snapshotId.get() + ": " + e.getMessage(), e);
        }
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
