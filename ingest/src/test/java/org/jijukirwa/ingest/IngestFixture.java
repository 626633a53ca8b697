package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An input folder and a warehouse in a temporary folder, and runs of the job over them. */
final class IngestFixture
{
    static final byte[] KEY = "fixture-key".getBytes(StandardCharsets.UTF_8);
    static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);
    /** The cooperatives row of a valid cooperative in Gasabo, COOP-1. */
    static final String ONE_COOPERATIVE = "COOP-1,one,Gasabo,tailoring,2019-01-01,2020-01-01";

    private final Path input;
    private final WarehouseDirectory warehouse;

    IngestFixture(Path folder)
    {
        this.input = folder.resolve("input");
        this.warehouse = new WarehouseDirectory(folder.resolve("warehouse"));
    }

    Path input()
    {
        return input;
    }

    WarehouseDirectory warehouse()
    {
        return warehouse;
    }

    /** A fixture whose input holds {@code cooperatives/a.csv} with {@link #ONE_COOPERATIVE}. */
    static IngestFixture withOneCooperative(Path folder)
    {
        return new IngestFixture(folder).write("cooperatives/a.csv", cooperatives(ONE_COOPERATIVE));
    }

    IngestFixture write(String relativePath, String text)
    {
        try {
            Path path = input.resolve(relativePath);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunReport run()
    {
        return run(Optional.empty());
    }

    /** The options {@link #run()} runs with. */
    IngestOptions options()
    {
        return new IngestOptions(input, warehouse.root(), Optional.empty(), AS_OF, Optional.empty(), KEY);
    }

    RunReport run(Optional<Path> mapping)
    {
        return new IngestJob(SparkTestSession.get(), Clock.systemUTC())
                .run(new IngestOptions(input, warehouse.root(), mapping, AS_OF, Optional.empty(), KEY));
    }

    RunReport run(LocalDate asOf, boolean allowDatasetLoss)
    {
        return run(asOf, allowDatasetLoss, Optional.empty());
    }

    RunReport run(LocalDate asOf, boolean allowDatasetLoss, Optional<Path> reference)
    {
        return new IngestJob(SparkTestSession.get(), Clock.systemUTC())
                .run(new IngestOptions(input, warehouse.root(), Optional.empty(), asOf, reference, KEY, allowDatasetLoss));
    }

    IngestFixture delete(String relativePath)
    {
        try {
            Files.delete(input.resolve(relativePath));
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a table of the current snapshot, sorted by their text. */
    List<Row> current(Table table)
    {
        String id = warehouse.currentSnapshotId().orElseThrow();
        return SparkTestSession.get().read().parquet(warehouse.table(id, table).toString()).collectAsList().stream()
                .sorted((left, right) -> left.toString().compareTo(right.toString()))
                .toList();
    }

    static String cooperatives(String... rows)
    {
        return "cooperative_id,cooperative_name,district,value_chain,formed_on,updated_at\n" + String.join("\n", rows) + "\n";
    }
}
