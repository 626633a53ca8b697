package org.jijukirwa.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The bare Spark baseline: {@code --input DIR --output DIR}. Each dataset's files read with Spark's own
 * CSV reader (header, the file's separator, every column a string) or JSON reader (every key a string),
 * unioned by column name and written as Parquet: no validation, no versions. Prints the seconds of work
 * after the session started.
 */
public final class SparkCopyMain
{
    private SparkCopyMain()
    {
    }

    public static void main(String[] args)
            throws IOException
    {
        Path input = Path.of(option(args, "--input"));
        Path output = Path.of(option(args, "--output"));
        SparkSession spark = SparkSession.builder()
                .appName("bench-spark-copy")
                .master("local[*]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        long started = System.nanoTime();
        for (Map.Entry<String, List<InputFiles.DataFile>> dataset : InputFiles.byDataset(input).entrySet()) {
            Dataset<Row> rows = null;
            for (InputFiles.DataFile file : dataset.getValue()) {
                Dataset<Row> fileRows = file.json()
                        ? spark.read().schema(jsonSchema(file.path())).json(file.path().toString())
                        : spark.read().option("header", "true").option("sep", String.valueOf(file.separator())).csv(file.path().toString());
                rows = rows == null ? fileRows : rows.unionByName(fileRows, true);
            }
            rows.write().parquet(output.resolve(dataset.getKey()).toString());
        }
        System.out.printf("work_seconds=%.3f%n", (System.nanoTime() - started) / 1e9);
        spark.stop();
    }

    /** Every key of the first object, as a string column (Spark keeps a number's text in a string column). */
    private static StructType jsonSchema(Path file)
            throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> keys = new ArrayList<>();
            Iterator<String> names = new ObjectMapper().readTree(reader.readLine()).fieldNames();
            names.forEachRemaining(keys::add);
            StructType schema = new StructType();
            for (String key : keys) {
                schema = schema.add(key, DataTypes.StringType);
            }
            return schema;
        }
    }

    static String option(String[] args, String name)
    {
        for (int index = 0; index + 1 < args.length; index++) {
            if (args[index].equals(name)) {
                return args[index + 1];
            }
        }
        throw new IllegalArgumentException(name + " is required");
    }
}
