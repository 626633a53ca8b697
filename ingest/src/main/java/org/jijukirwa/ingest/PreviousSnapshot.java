package org.jijukirwa.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
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
