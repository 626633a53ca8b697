package org.jijukirwa.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

/**
 * One record set's table in an incremental run. Only the keys the run's valid rows touch are folded again
 * (with their previous versions); the new snapshot's table is then
 * <ul>
 *   <li>the current rows that changed (new keys and new versions), written as new files;</li>
 *   <li>the rest of every previous file that held a changed key, rewritten;</li>
 *   <li>every other previous file, carried unchanged by a hard link (no byte copied, no row read).</li>
 * </ul>
 * Folding is per key, so the touched keys fold exactly as in a run over every row, and the untouched keys'
 * current versions are their previous ones: the table equals the one a full fold would write.
 * When the table has become too many files, the run rewrites it whole (compaction).
 */
final class CarriedTable
{
    /**
     * Rows per written file at most: a changed key makes its run rewrite the file holding it, so files stay small
     * enough for that to be cheap, and few enough for readers (at the national size, tens per table).
     */
    static final int ROWS_PER_FILE = 50_000;
    /** Files a table may gather (each run adds a few) beyond twice what a rewrite would make, before a run compacts it. */
    static final int SPARE_FILES = 32;
    private static final String FILE = "_file";
    private static final String KEY_PREFIX = "_key_";
    private static final List<String> PROVENANCE = List.of("ingest_run", "source_file", "source_line");

    private final SparkSession spark;
    private final RecordSet recordSet;
    private final StructType schema;
    private final List<Path> previousFiles;
    private final Dataset<Row> previousTouched;
    private final long previousTouchedRows;
    private final boolean rewriteAll;
    private final boolean fewKeys;

    private CarriedTable(SparkSession spark, RecordSet recordSet, List<Path> previousFiles, Dataset<Row> previousTouched, boolean rewriteAll, boolean fewKeys)
    {
        this.rewriteAll = rewriteAll;
        this.fewKeys = fewKeys;
        this.spark = spark;
        this.recordSet = recordSet;
        this.schema = TableSchemas.schema(recordSet.table());
        this.previousFiles = List.copyOf(previousFiles);
        this.previousTouched = previousTouched;
        this.previousTouchedRows = previousFiles.isEmpty() ? 0 : previousTouched.count();
    }

    /**
     * {@code checked}: the run's checked rows (valid ones have no reasons); {@code previousFolder}: the previous
     * snapshot's table folder, if any. Reads the previous versions of the touched keys (and which file holds each).
     * {@code fewKeys}: the run's input is small (its keys are sent to every task rather than shuffled with the table).
     * {@code foldEverything}: fold every previous version again and rewrite the whole table, as runs did before
     * they were incremental (the reference the incremental chain is tested against).
     */
    static CarriedTable plan(SparkSession spark, RecordSet recordSet, Optional<Path> previousFolder, Dataset<Row> checked, boolean foldEverything,
            boolean fewKeys)
    {
        StructType schema = TableSchemas.schema(recordSet.table());
        List<Path> files = previousFolder.map(CarriedTable::parquetFiles).orElse(List.of());
        if (files.isEmpty()) {
            return new CarriedTable(spark, recordSet, files, spark.createDataFrame(List.of(), schema.add(FILE, "string")), false, fewKeys);
        }
        Dataset<Row> previous = spark.read().schema(schema).parquet(previousFolder.get().toString()).withColumn(FILE, input_file_name());
        if (foldEverything) {
            return new CarriedTable(spark, recordSet, files, previous, true, fewKeys);
        }
        Dataset<Row> touchedKeys = keysOf(recordSet, checked.filter(size(col(RecordRules.REASONS)).equalTo(0)));
        // A small run's keys go to every task of the scan (Spark cannot know how few there are: it would shuffle the whole table).
        Dataset<Row> probe = fewKeys ? broadcast(touchedKeys) : touchedKeys;
        Dataset<Row> touched = previous.join(probe, keysMatch(recordSet, previous, probe), "left_semi").persist();
        return new CarriedTable(spark, recordSet, files, touched, false, fewKeys);
    }

    /** The previous versions of the touched keys, as the table's columns: the fold's previous candidates. */
    Dataset<Row> previousVersions()
    {
        return previousTouched.drop(FILE);
    }

    /** Current keys of the previous table that this run does not fold again (they stay as they were). */
    long untouchedKeys(long previousKeys)
    {
        return previousKeys - previousTouchedRows;
    }

    /**
     * Writes the table into {@code folder}: {@code current} is the fold's current rows (the table's columns) of the
     * touched keys. Returns how many previous files were carried by a hard link.
     */
    int write(Dataset<Row> current, Path folder, long previousKeys)
            throws IOException
    {
        if (previousFiles.isEmpty() || rewriteAll) {
            writeFiles(current, folder);
            return 0;
        }
        // A touched key whose current row is its previous version (same provenance) changed nothing: its file may stay.
        Dataset<Row> unchanged = previousTouched.select(provenanceAndKeys());
        Dataset<Row> changed = current.join(unchanged, keysMatch(recordSet, current, unchanged).and(provenanceMatches(current, unchanged)), "left_anti").persist();
        try {
            Dataset<Row> changedKeys = fewKeys ? broadcast(keysOf(recordSet, changed)) : keysOf(recordSet, changed);
            Set<Path> rewritten = new HashSet<>();
            if (previousFiles.size() > SPARE_FILES + 2 * (previousKeys / ROWS_PER_FILE + 1)) {
                rewritten.addAll(previousFiles);
            }
            else {
                previousTouched.join(changedKeys, keysMatch(recordSet, previousTouched, changedKeys), "left_semi")
                        .select(FILE).distinct().as(Encoders.STRING()).collectAsList()
                        .forEach(uri -> rewritten.add(Path.of(URI.create(uri)).toAbsolutePath().normalize()));
                // A file both rewritten and linked would hold its rows twice.
                if (!previousFiles.containsAll(rewritten)) {
                    throw new IngestException("files to rewrite that are not in the previous table " + recordSet.table().tableName() + ": " + rewritten);
                }
            }
            Dataset<Row> rows = changed;
            if (!rewritten.isEmpty()) {
                Dataset<Row> rest = spark.read().schema(schema).parquet(rewritten.stream().map(Path::toString).toArray(String[]::new));
                rows = rows.unionByName(rest.join(changedKeys, keysMatch(recordSet, rest, changedKeys), "left_anti"));
            }
            writeFiles(rows, folder);
            int carried = 0;
            for (Path file : previousFiles) {
                if (!rewritten.contains(file)) {
                    link(folder.resolve(file.getFileName()), file);
                    carried++;
                }
            }
            return carried;
        }
        finally {
            changed.unpersist();
        }
    }

    private static void writeFiles(Dataset<Row> rows, Path folder)
    {
        rows.write().mode(SaveMode.ErrorIfExists).option("maxRecordsPerFile", ROWS_PER_FILE).parquet(folder.toString());
    }

    void release()
    {
        previousTouched.unpersist();
    }

    /** The same bytes under a second name; a copy where the file system has no hard links. */
    private static void link(Path link, Path existing)
            throws IOException
    {
        try {
            Files.createLink(link, existing);
        }
        catch (UnsupportedOperationException e) {
            Files.copy(existing, link);
        }
    }

    private static List<Path> parquetFiles(Path folder)
    {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(path))
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new IngestException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The distinct keys of some rows, their columns renamed so that a join against the table is never ambiguous. */
    private static Dataset<Row> keysOf(RecordSet recordSet, Dataset<Row> rows)
    {
        return rows.select(recordSet.keyColumns().stream().map(name -> col(name).as(KEY_PREFIX + name)).toArray(Column[]::new)).distinct();
    }

    private Column[] provenanceAndKeys()
    {
        List<Column> columns = new ArrayList<>();
        recordSet.keyColumns().forEach(name -> columns.add(col(name).as(KEY_PREFIX + name)));
        PROVENANCE.forEach(name -> columns.add(col(name).as(KEY_PREFIX + name)));
        return columns.toArray(Column[]::new);
    }

    /** Keys equal, nulls equal to nulls (a training attendee without a member id is a key too). */
    private static Column keysMatch(RecordSet recordSet, Dataset<Row> rows, Dataset<Row> keys)
    {
        Column match = lit(true);
        for (String name : recordSet.keyColumns()) {
            match = match.and(rows.col(name).eqNullSafe(keys.col(KEY_PREFIX + name)));
        }
        return match;
    }

    private static Column provenanceMatches(Dataset<Row> rows, Dataset<Row> previous)
    {
        Column match = lit(true);
        for (String name : PROVENANCE) {
            match = match.and(rows.col(name).eqNullSafe(previous.col(KEY_PREFIX + name)));
        }
        return match;
    }
}
