package org.jijukirwa.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.CollectionAccumulator;
import org.jijukirwa.layout.QuarantineReason;
import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;

/**
 * One ingest run: reads the input files, validates and versions them against
 * the current snapshot, writes a complete new snapshot under its staging name
 * (carrying the previous snapshot's unchanged table files by hard link, see {@link CarriedTable})
 * and publishes it. A failure before publishing removes the staging folder and
 * leaves CURRENT as it was.
 */
public final class IngestJob
{
    public static final String TIME_ZONE = "Africa/Kigali";

    private static final long PARTITION_BYTES = 64L << 20;
    /** Below this much input a run's touched keys are few enough to send to every task of a scan (a broadcast join). */
    private static final long FEW_KEYS_BYTES = 256L << 20;
    private static final List<Table> REFERENCE_TABLES = List.of(Table.DISTRICTS, Table.VALUE_CHAINS, Table.TOPICS, Table.TARGETS);

    private final SparkSession spark;
    private final Clock clock;
    private final RunProgress progress;
    private final boolean foldEverything;

    public IngestJob(SparkSession spark, Clock clock)
    {
        this(spark, clock, RunProgress.silent());
    }

    public IngestJob(SparkSession spark, Clock clock, RunProgress progress)
    {
        this(spark, clock, progress, false);
    }

    /** {@code foldEverything}: fold every previous version and rewrite every table, as before runs were incremental. */
    IngestJob(SparkSession spark, Clock clock, RunProgress progress, boolean foldEverything)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.foldEverything = foldEverything;
    }

    public RunReport run(IngestOptions options)
    {
        WarehouseDirectory warehouse = openWarehouse(options.warehouse());
        // The lock is held from before CURRENT is read until after the publish: two runs never build on the same snapshot.
        try (WarehouseDirectory.WriterLock lock = warehouse.lockForWriting()) {
            return runAsTheOnlyWriter(options, warehouse);
        }
        catch (WarehouseDirectory.WarehouseBusyException e) {
            throw new IngestException(e.getMessage(), e);
        }
        catch (IOException e) {
            throw new IngestException("cannot lock the warehouse " + options.warehouse() + " for writing: " + e.getMessage(), e);
        }
    }

    private RunReport runAsTheOnlyWriter(IngestOptions options, WarehouseDirectory warehouse)
    {
        Instant startedAt = clock.instant();
        String runId = WarehouseDirectory.newSnapshotId(startedAt);
        Optional<String> previousId = currentSnapshot(warehouse);
        ReferenceData reference = ReferenceData.load(options.reference());
        ColumnMapping mapping = options.mapping().map(ColumnMapping::read).orElse(ColumnMapping.none());
        progress.begin("reading");
        CheckedFiles checked = CheckedFiles.at(warehouse.checkedFilesList());
        InputScanner.ScanResult scan = new InputScanner(mapping, checked).scan(options.input());
        if (scan.dataFiles().isEmpty() && !scan.rejectedFiles().isEmpty()) {
            throw new IngestException("every data file was rejected: " + String.join("; ", scan.rejectedFiles().stream().map(FileRejection::line).toList()));
        }
        // with a current snapshot, an input without files carries every dataset forward: it publishes when the as-of
        // date or the reference data changed (the dashboard's Run now after editing the targets), else nothing new
        if (scan.dataFiles().isEmpty() && previousId.isEmpty()) {
            throw new IngestException("no data files under " + options.input()
                    + " (expected .csv, .jsonl, .xlsx or .zip files named or filed under cooperatives, members, trainings or coaching)");
        }
        progress.end("reading", scan.dataFiles().size() + " data files, " + megabytes(scan.dataFiles()) + " (names and content hashes"
                + (checked.reused() == 0 ? ")" : "; " + checked.reused() + " file(s) unchanged since an earlier run, not read again)"));

        // Dates must land on their Kigali day; DuckDB reads TIMESTAMP_MICROS (UTC-adjusted) as TIMESTAMP WITH TIME ZONE.
        spark.conf().set("spark.sql.session.timeZone", TIME_ZONE);
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        // Spark's default of 200 shuffle partitions costs a task each per stage, whatever the input's size.
        spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions(scan.dataFiles(), spark.sparkContext().defaultParallelism())));
        // The cached versions (read by the table write, the counts and the quarantine write) stay uncompressed:
        // compressing them cost about a fifth of the run's CPU (dictionary statistics for every column and batch).
        spark.conf().set("spark.sql.inMemoryColumnarStorage.compressed", "false");

        PreviousSnapshot previous = new PreviousSnapshot(spark, warehouse, previousId);
        Path staging = warehouse.staging(runId);
        Run run = new Run(runId, options, reference, previous, staging);
        try {
            Set<RecordSet> inInput = EnumSet.noneOf(RecordSet.class);
            scan.dataFiles().forEach(file -> inInput.add(file.recordSet()));
            Plan plan = run.plan(scan);
            if (nothingNew(plan, options, reference, previous)) {
                Map<RecordSet, Long> previousRows = previousRows(previous);
                RunReport report = nothingNewReport(runId, options, startedAt, previous, plan, previousRows, scan).withRejectedFiles(scan.rejectedFiles());
                checked.save();
                return report.withWarnings(DatasetChecks.warnings(report, previousRows, inInput));
            }
            Files.createDirectories(staging);
            RunReport report = run.execute(plan, scan, startedAt).withRejectedFiles(scan.rejectedFiles());
            Map<RecordSet, Long> previousRows = previousRows(previous);
            report = report.withWarnings(DatasetChecks.warnings(report, previousRows, inInput));
            List<String> losses = DatasetChecks.losses(report, previousRows, inInput);
            if (!losses.isEmpty() && !options.allowDatasetLoss()) {
                throw new IngestException(DatasetChecks.refusal(losses));
            }
            if (!losses.isEmpty()) {
                List<String> warnings = new ArrayList<>(report.warnings());
                losses.forEach(loss -> warnings.add("published with " + DatasetChecks.ALLOW_FLAG + ": " + loss));
                report = report.withWarnings(warnings);
            }
            progress.begin("publishing");
            writeText(staging.resolve(WarehouseDirectory.RUN_REPORT_FILE), report.toJsonText());
            manifest(report, reference, options).write(staging.resolve(WarehouseDirectory.MANIFEST_FILE));
            warehouse.publish(runId);
            progress.end("publishing", "snapshot " + runId + " is CURRENT");
            checked.save();  // only a run that ended well changes the warehouse folder
            return report;
        }
        catch (Exception e) {
            // (Spark throws its SparkException, a checked one, without declaring it: a failed task arrives here as that)
            deleteTree(staging);
            if (e instanceof IOException io) {
                throw new IngestException("cannot write the snapshot: " + io.getMessage(), io);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
        finally {
            run.release();
        }
    }

    private static Map<RecordSet, Long> previousRows(PreviousSnapshot previous)
    {
        Map<RecordSet, Long> rows = new EnumMap<>(RecordSet.class);
        for (RecordSet recordSet : RecordSet.values()) {
            rows.put(recordSet, previous.rows(recordSet));
        }
        return rows;
    }

    /**
     * Nothing to do: every input file was already ingested, and the as-of date and the reference data are those of
     * the current snapshot. Then the retried quarantine rows meet the same cooperatives, dates and lists as before,
     * so none can be released, and a new snapshot would equal the current one.
     */
    private static boolean nothingNew(Plan plan, IngestOptions options, ReferenceData reference, PreviousSnapshot previous)
    {
        if (previous.snapshotId().isEmpty() || plan.toRead().values().stream().anyMatch(files -> !files.isEmpty())) {
            return false;
        }
        return previous.asOf().equals(Optional.of(options.asOf())) && previous.referenceFingerprint().equals(Optional.of(reference.fingerprint()));
    }

    private RunReport nothingNewReport(String runId, IngestOptions options, Instant startedAt, PreviousSnapshot previous, Plan plan,
                                       Map<RecordSet, Long> previousRows, InputScanner.ScanResult scan)
    {
        SortedMap<String, RunReport.DatasetReport> datasets = new TreeMap<>();
        for (RecordSet recordSet : RecordSet.values()) {
            SortedMap<String, RunReport.FileReport> files = new TreeMap<>();
            plan.skipped().get(recordSet).forEach(file -> files.put(file.relativePath(), RunReport.FileReport.skipped()));
            datasets.put(recordSet.datasetName(), new RunReport.DatasetReport(0, 0, 0, 0, 0, new TreeMap<>(), previousRows.get(recordSet), 0, List.of(), files));
        }
        progress.say("nothing new: no snapshot published");
        return new RunReport(runId, options.asOf(), startedAt, clock.instant(), options.input().toAbsolutePath().normalize().toString(),
                previous.snapshotId(), datasets, scan.ignoredFiles(), List.of(), false);
    }

    private static String megabytes(List<InputFile> files)
    {
        return String.format(java.util.Locale.ROOT, "%.1f MB", totalBytes(files) / 1e6);
    }

    /** One shuffle partition per 64 MB of input, at least one per core and at most Spark's default of 200. */
    static int shufflePartitions(List<InputFile> files, int cores)
    {
        long bytes = totalBytes(files);
        return (int) Math.min(200, Math.max(cores, (bytes + PARTITION_BYTES - 1) / PARTITION_BYTES));
    }

    private static long totalBytes(List<InputFile> files)
    {
        long bytes = 0;
        for (InputFile file : files) {
            try {
                bytes += Files.size(Path.of(file.absolutePath()));
            }
            catch (IOException e) {
                throw new IngestException("cannot read " + file.relativePath() + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    private static WarehouseDirectory openWarehouse(Path folder)
    {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IngestException("warehouse " + folder + " is not a folder");
        }
        try {
            WarehouseDirectory warehouse = new WarehouseDirectory(folder);
            Files.createDirectories(warehouse.snapshotsFolder());
            if (!Files.isWritable(warehouse.snapshotsFolder())) {
                throw new IngestException("cannot write to the warehouse " + folder
                        + " (a read-only file system, or no permission): give --warehouse a writable folder, or fix its permissions");
            }
            return warehouse;
        }
        catch (IOException e) {
            throw new IngestException("cannot create the warehouse folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> currentSnapshot(WarehouseDirectory warehouse)
    {
        try {
            return warehouse.currentSnapshotId();
        }
        catch (IllegalStateException e) {
            throw new IngestException("unreadable warehouse: " + e.getMessage(), e);
        }
    }

    private static SnapshotManifest manifest(RunReport report, ReferenceData reference, IngestOptions options)
    {
        return SnapshotManifest.of(report.snapshotId(), report.asOf(), report.startedAt(), report.finishedAt(), reference.fingerprint(),
                ReferenceData.fileHashes(options.reference()));
    }

    private static void writeText(Path file, String text)
            throws IOException
    {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path folder)
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            // Left behind under a staging name, which readers ignore.
        }
    }

    /** The state of one run while it writes its staging snapshot. */
    private final class Run
    {
        private final String runId;
        private final IngestOptions options;
        private final ReferenceData reference;
        private final PreviousSnapshot previous;
        private final Path staging;
        private final RecordRules rules;
        private final FieldRecordReader reader;
        private final CollectionAccumulator<String> ignoredJsonKeys;
        private final List<Dataset<Row>> cached = new ArrayList<>();
        private final List<CarriedTable> carriedTables = java.util.Collections.synchronizedList(new ArrayList<>());

        Run(String runId, IngestOptions options, ReferenceData reference, PreviousSnapshot previous, Path staging)
        {
            this.runId = runId;
            this.options = options;
            this.reference = reference;
            this.previous = previous;
            this.staging = staging;
            this.rules = new RecordRules(reference, options.asOf(), new PersonKeyFunction(options.hmacKey()));
            this.reader = new FieldRecordReader(spark);
            this.ignoredJsonKeys = spark.sparkContext().collectionAccumulator("ignored JSON keys");
        }

        /** Which files to read, and which were already ingested (by an earlier run or earlier in this one). */
        Plan plan(InputScanner.ScanResult scan)
        {
            Set<String> ingestedHashes = new HashSet<>(previous.table(Table.INGESTED_FILES).select("content_sha256").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
            Map<RecordSet, List<InputFile>> toRead = new EnumMap<>(RecordSet.class);
            Map<RecordSet, List<InputFile>> skipped = new EnumMap<>(RecordSet.class);
            for (RecordSet recordSet : RecordSet.values()) {
                toRead.put(recordSet, new ArrayList<>());
                skipped.put(recordSet, new ArrayList<>());
            }
            for (InputFile file : scan.dataFiles()) {
                boolean seen = !ingestedHashes.add(file.contentSha256());
                (seen ? skipped : toRead).get(file.recordSet()).add(file);
            }
            return new Plan(toRead, skipped);
        }

        RunReport execute(Plan plan, InputScanner.ScanResult scan, Instant startedAt)
        {
            spark.sparkContext().setJobGroup(runId, "ingest " + runId, false);
            Map<RecordSet, List<InputFile>> toRead = plan.toRead();
            Map<RecordSet, List<InputFile>> skipped = plan.skipped();

            SetResult cooperatives = ingest(RecordSet.COOPERATIVES, toRead.get(RecordSet.COOPERATIVES), Optional.empty());
            Set<String> knownCooperatives = RecordRules.cooperativeIds(spark.read().parquet(tablePath(Table.COOPERATIVES).toString()));
            Map<RecordSet, SetResult> results = new LinkedHashMap<>();
            results.put(RecordSet.COOPERATIVES, cooperatives);
            // The other record sets only need the cooperatives: run them side by side so their files are read in parallel.
            ExecutorService executor = Executors.newFixedThreadPool(3);
            try {
                Map<RecordSet, CompletableFuture<SetResult>> futures = new LinkedHashMap<>();
                for (RecordSet recordSet : List.of(RecordSet.MEMBERS, RecordSet.TRAININGS, RecordSet.COACHING)) {
                    CompletableFuture<SetResult> future = CompletableFuture.supplyAsync(() -> {
                        spark.sparkContext().setJobGroup(runId, "ingest " + runId, false);
                        return ingest(recordSet, toRead.get(recordSet), Optional.of(knownCooperatives));
                    }, executor);
                    // One failure stops the others' jobs, so nothing writes into the staging folder while it is removed.
                    future.whenComplete((result, failure) -> {
                        if (failure != null) {
                            spark.sparkContext().cancelJobGroup(runId);
                        }
                    });
                    futures.put(recordSet, future);
                }
                join(CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).handle((ignored, failure) -> null));
                futures.forEach((recordSet, future) -> results.put(recordSet, join(future)));
            }
            finally {
                executor.shutdown();
            }

            progress.begin("writing");
            Dataset<Row> entries = cache(QuarantineEntries.merge(previous.table(Table.QUARANTINE), results.values().stream().map(SetResult::quarantine).toList(), runId));
            write(entries, Table.QUARANTINE);
            QuarantineEntries.Counts quarantine = QuarantineEntries.counts(entries);
            writeIngestedFiles(results);
            for (Table table : REFERENCE_TABLES) {
                write(reference.table(spark, table).coalesce(1), table);
            }
            progress.end("writing", RunProgress.rows(quarantine.entries()) + " quarantine entries, the ingested files' list, the reference data");

            Map<String, Set<String>> ignoredJsonColumns = new HashMap<>();
            for (String entry : ignoredJsonKeys.value()) {
                String[] parts = entry.split("\t", 2);
                ignoredJsonColumns.computeIfAbsent(parts[0], file -> new TreeSet<>()).add(parts[1]);
            }
            SortedMap<String, RunReport.DatasetReport> datasets = new TreeMap<>();
            for (RecordSet recordSet : RecordSet.values()) {
                datasets.put(recordSet.datasetName(), results.get(recordSet).report(skipped.get(recordSet), ignoredJsonColumns,
                        quarantine.repeats().getOrDefault(recordSet.datasetName(), 0L)));
            }
            return new RunReport(runId, options.asOf(), startedAt, clock.instant(), options.input().toAbsolutePath().normalize().toString(),
                    previous.snapshotId(), datasets, scan.ignoredFiles(), List.of(), true);
        }

        private SetResult ingest(RecordSet recordSet, List<InputFile> files, Optional<Set<String>> knownCooperatives)
        {
            String stage = recordSet.datasetName();
            progress.begin(stage);
            Table table = recordSet.table();
            Dataset<Row> checked = check(recordSet, files, knownCooperatives);
            if (previous.snapshotId().isPresent() && !foldEverything) {
                checked = cache(checked); // read twice: for the keys it touches, then by the fold
            }
            // Only the keys the checked rows touch are folded again; the other previous files are carried as they are.
            CarriedTable carried = CarriedTable.plan(spark, recordSet, previous.tableFolder(table), checked, foldEverything,
                    totalBytes(files) < FEW_KEYS_BYTES);
            carriedTables.add(carried);
            Dataset<Row> previousVersions = carried.previousVersions()
                    .withColumn(RecordRules.REASONS, array().cast(DataTypes.createArrayType(DataTypes.StringType)))
                    .withColumn(RecordRules.IS_RETRY, lit(false))
                    .withColumn(RecordRules.RAW_TEXT, lit(null).cast(DataTypes.StringType))
                    .withColumn(RecordRules.RAW_VALUES, lit(null).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)))
                    .withColumn(RecordVersions.COUNTED, lit(false));
            Dataset<Row> candidates = checked
                    .withColumn(RecordVersions.COUNTED, not(col(RecordRules.IS_RETRY)))
                    .unionByName(previousVersions);
            // The cached rows: the table write, the counts and (at the end) the quarantine write read them.
            Dataset<Row> versioned = cache(RecordVersions.resolve(recordSet, candidates));
            int linkedFiles;
            try {
                linkedFiles = carried.write(TableSchemas.conform(outcome(versioned, RecordVersions.CURRENT), table), tablePath(table), previous.rows(recordSet));
            }
            catch (IOException e) {
                throw new IngestException("cannot write table " + table.tableName() + ": " + e.getMessage(), e);
            }
            List<Row> counts = outcome(versioned, RecordVersions.COUNTS)
                    .groupBy("source_file", RecordVersions.ITEM)
                    .agg(sum(RecordVersions.COUNT).as(RecordVersions.COUNT))
                    .collectAsList();
            Dataset<Row> quarantine = outcome(versioned, RecordVersions.QUARANTINED).select(
                    lit(recordSet.datasetName()).as("dataset"),
                    col("source_file"),
                    col("source_line"),
                    col(RecordRules.RAW_TEXT),
                    col(RecordRules.RAW_VALUES),
                    col(RecordRules.REASONS),
                    col(RecordRules.INGEST_RUN));
            SetResult result = new SetResult(recordSet, files, counts, carried.untouchedKeys(previous.rows(recordSet)), quarantine);
            progress.end(stage, String.format("%s rows read from %d files, checked and versioned: %s quarantined, %s current (%d files carried)",
                    RunProgress.rows(result.total(RecordVersions.READ)), files.size(), RunProgress.rows(result.total(RecordVersions.READ) - result.total(RecordVersions.VALID)),
                    RunProgress.rows(result.currentKeys()), linkedFiles));
            return result;
        }

        private static Dataset<Row> outcome(Dataset<Row> versioned, String outcome)
        {
            return versioned.filter(col(RecordVersions.OUTCOME).equalTo(outcome));
        }

        /** The files' rows and the retried quarantined rows, checked: one pass, one Java function per row. */
        private Dataset<Row> check(RecordSet recordSet, List<InputFile> files, Optional<Set<String>> knownCooperatives)
        {
            RecordChecker checker = rules.checker(recordSet, knownCooperatives);
            return RecordRules.check(checker, reader.rows(files, ignoredJsonKeys), runId, spark)
                    .union(RecordRules.check(checker, retriedRows(recordSet)));
        }

        /** Quarantined rows of earlier runs that named an unknown cooperative, as input rows again (from their raw values). */
        private Dataset<Row> retriedRows(RecordSet recordSet)
        {
            List<Column> columns = new ArrayList<>();
            columns.add(col("source_file"));
            columns.add(col("source_line"));
            columns.add(col(RecordRules.RAW_TEXT));
            columns.add(lit(false).as(FieldRecordReader.MALFORMED));
            columns.add(lit(false).as(FieldRecordReader.REJECTED_IN_REVIEW));
            for (String column : recordSet.sourceColumns()) {
                columns.add(try_element_at(col(RecordRules.RAW_VALUES), lit(column)).as(column));
            }
            columns.add(col(RecordRules.INGEST_RUN));
            columns.add(lit(true).as(RecordRules.IS_RETRY));
            return retryable(previous.table(Table.QUARANTINE))
                    .filter(col("dataset").equalTo(recordSet.datasetName()))
                    .select(columns.toArray(Column[]::new));
        }

        private void writeIngestedFiles(Map<RecordSet, SetResult> results)
        {
            List<Row> rows = new ArrayList<>();
            for (SetResult result : results.values()) {
                for (InputFile file : result.files()) {
                    rows.add(RowFactory.create(result.recordSet().datasetName(), file.relativePath(), file.contentSha256(), runId, result.rowsRead(file.relativePath())));
                }
            }
            Dataset<Row> ingested = previous.table(Table.INGESTED_FILES)
                    .unionByName(spark.createDataFrame(rows, TableSchemas.schema(Table.INGESTED_FILES)));
            write(ingested.coalesce(1), Table.INGESTED_FILES);
        }

        private Dataset<Row> retryable(Dataset<Row> quarantine)
        {
            return quarantine.filter(QuarantineEntries.retryable());
        }

        private Dataset<Row> cache(Dataset<Row> dataset)
        {
            Dataset<Row> persisted = dataset.persist();
            synchronized (cached) {
                cached.add(persisted);
            }
            return persisted;
        }

        private void write(Dataset<Row> rows, Table table)
        {
            TableSchemas.conform(rows, table).write().mode(SaveMode.ErrorIfExists).parquet(tablePath(table).toString());
        }

        private Path tablePath(Table table)
        {
            return staging.resolve(table.tableName());
        }

        void release()
        {
            spark.sparkContext().clearJobGroup();
            synchronized (cached) {
                cached.forEach(Dataset::unpersist);
                cached.clear();
            }
            synchronized (carriedTables) {
                carriedTables.forEach(CarriedTable::release);
                carriedTables.clear();
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future)
    {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The files a run reads per record set, and those it skips because their content was already ingested. */
    private record Plan(Map<RecordSet, List<InputFile>> toRead, Map<RecordSet, List<InputFile>> skipped)
    {
    }

    /**
     * What one record set's ingest produced: counts for the report (source_file, item, count: items are the reasons
     * and the items of {@link RecordVersions}) and its quarantined rows (not yet written).
     */
    private record SetResult(RecordSet recordSet, List<InputFile> files, List<Row> counts, long untouchedKeys, Dataset<Row> quarantine)
    {
        /** The keys of the new table: those the fold wrote and those carried untouched from the previous snapshot. */
        long currentKeys()
        {
            return total(RecordVersions.CURRENT_ITEM) + untouchedKeys;
        }

        long rowsRead(String file)
        {
            return count(file, RecordVersions.READ);
        }

        private long count(String file, String item)
        {
            return counts.stream()
                    .filter(row -> file.equals(row.getString(0)) && item.equals(row.getString(1)))
                    .mapToLong(row -> row.getLong(2))
                    .sum();
        }

        private long total(String item)
        {
            return counts.stream().filter(row -> item.equals(row.getString(1))).mapToLong(row -> row.getLong(2)).sum();
        }

        RunReport.DatasetReport report(List<InputFile> skipped, Map<String, Set<String>> ignoredJsonColumns, long quarantineRepeats)
        {
            SortedMap<String, RunReport.FileReport> fileReports = new TreeMap<>();
            Set<String> ignoredColumns = new TreeSet<>();
            for (InputFile file : files) {
                String path = file.relativePath();
                SortedMap<String, Long> byReason = new TreeMap<>();
                for (Row row : counts) {
                    if (path.equals(row.getString(0)) && !row.getString(1).startsWith("#")) {
                        byReason.merge(row.getString(1), row.getLong(2), Long::sum);
                    }
                }
                long rowsRead = count(path, RecordVersions.READ);
                long validRows = count(path, RecordVersions.VALID);
                fileReports.put(path, new RunReport.FileReport(rowsRead, validRows, count(path, RecordVersions.UNCHANGED), rowsRead - validRows, byReason, false));
                if (file.format() != SourceFormat.JSON_LINES) {
                    ignoredColumns.addAll(FieldRecordReader.ignoredCsvColumns(file));
                }
                else {
                    ignoredColumns.addAll(ignoredJsonColumns.getOrDefault(path, Set.of()));
                }
            }
            for (InputFile file : skipped) {
                fileReports.put(file.relativePath(), RunReport.FileReport.skipped());
            }
            long rowsRead = 0;
            long validRows = 0;
            long unchangedRows = 0;
            SortedMap<String, Long> byReason = new TreeMap<>();
            for (RunReport.FileReport file : fileReports.values()) {
                rowsRead += file.rowsRead();
                validRows += file.validRows();
                unchangedRows += file.unchangedRows();
                file.byReason().forEach((reason, count) -> byReason.merge(reason, count, Long::sum));
            }
            return new RunReport.DatasetReport(rowsRead, validRows, unchangedRows, rowsRead - validRows, quarantineRepeats, byReason, currentKeys(), total(RecordVersions.RELEASED),
                    List.copyOf(ignoredColumns), fileReports);
        }
    }
}
