package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;
import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.indicator.Fact;

/**
 * Loads one published snapshot: the models build the small tables the indicators read from views over the snapshot's
 * Parquet files, in a DuckDB file of the snapshot's own (kept for the next load, see {@link BuiltDatabaseCache}), which a
 * new in-memory database then attaches read-only and serves.
 */
public final class SnapshotLoader
{
    /** The tables the models read. The quarantine (personal data) is never loaded: QuarantineReader reads its files for admins. */
    static final List<Table> LOADED_TABLES = List.of(
            Table.COOPERATIVES, Table.MEMBERS, Table.TRAININGS, Table.COACHING,
            Table.DISTRICTS, Table.VALUE_CHAINS, Table.TOPICS, Table.TARGETS);

    /** The tables with a row per member, attendance or visit: read from their files only while the aggregates build. */
    private static final Set<Table> VIEWED_TABLES = Set.of(Table.MEMBERS, Table.TRAININGS, Table.COACHING);

    public static final String DEFAULT_DATABASE_MEMORY_LIMIT = "320MB";
    /** How long one query may run (and wait for a slot) before it is stopped: an answer later than this helps nobody. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

    private SnapshotLoader()
    {
    }

    public static LoadedSnapshot load(WarehouseDirectory directory, String snapshotId)
    {
        return load(directory, snapshotId, DEFAULT_DATABASE_MEMORY_LIMIT, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads a snapshot into a database that may use {@code databaseMemoryLimit} (DuckDB's syntax, e.g. 320MB) and
     * answers {@code querySlots} queries at once.
     */
    public static LoadedSnapshot load(WarehouseDirectory directory, String snapshotId, String databaseMemoryLimit, int querySlots)
    {
        return load(directory, snapshotId, databaseMemoryLimit, querySlots, DEFAULT_QUERY_TIMEOUT);
    }

    /** The same, each query stopped after {@code queryTimeout} (see {@link LoadedSnapshot#inQuerySlot}). */
    public static LoadedSnapshot load(WarehouseDirectory directory, String snapshotId, String databaseMemoryLimit, int querySlots, Duration queryTimeout)
    {
        // Held while the snapshot is loaded, so that pruning keeps it (see WarehouseDirectory.readSnapshot).
        AutoCloseable lease;
        try {
            lease = directory.readSnapshot(snapshotId);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot load snapshot " + snapshotId + ": " + e.getMessage(), e);
        }
        DuckDBConnection database = null;
        Path spillFolder = null;
        try {
            SnapshotInfo info = SnapshotInfo.of(snapshotId, readManifest(directory, snapshotId));
            spillFolder = Files.createTempDirectory("jijukirwa-duckdb-");
            BuiltDatabaseCache.removeDeadBuilds(directory, snapshotId);
            database = openDatabase(databaseMemoryLimit, spillFolder);
            // After a restart (or in a second server), what an earlier load of this snapshot built is attached as it is.
            boolean attached;
            try {
                attached = BuiltDatabaseCache.attach(database, BuiltDatabaseCache.file(directory, snapshotId));
            }
            catch (IllegalStateException e) {
                database.close();
                database = openDatabase(databaseMemoryLimit, spillFolder);
                attached = false;
            }
            Map<String, Double> buildSeconds = new LinkedHashMap<>();
            if (!attached) {
                Path built = BuiltDatabaseCache.build(directory, snapshotId, databaseMemoryLimit, spillFolder,
                        building -> build(directory, snapshotId, building, buildSeconds));
                BuiltDatabaseCache.attach(database, built);
            }
            ReferenceData referenceData;
            Map<Fact, LocalDate> earliestDates;
            try (Connection connection = database.duplicate()) {
                BuiltDatabaseCache.useBuilt(connection);
                referenceData = ReferenceData.load(connection);
                earliestDates = BuiltDatabaseCache.earliestDates(connection);
            }
            return new LoadedSnapshot(info, database, spillFolder, referenceData, earliestDates, querySlots, queryTimeout, lease, buildSeconds);
        }
        catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(database, e);
            closeQuietly(lease, e);
            LoadedSnapshot.deleteFolder(spillFolder);
            throw new IllegalStateException("cannot load snapshot " + snapshotId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a snapshot's models into a database: views of its files (and copies of the small tables), the models, the
     * earliest date of each fact; puts the seconds of each step into {@code seconds}.
     */
    private static void build(WarehouseDirectory directory, String snapshotId, Connection database, Map<String, Double> seconds)
            throws SQLException
    {
        long started = System.nanoTime();
        try (Statement statement = database.createStatement()) {
            statement.execute("create schema raw");
        }
        for (Table table : LOADED_TABLES) {
            loadTable(database, directory.table(snapshotId, table), table);
        }
        seconds.put("raw tables", (System.nanoTime() - started) / 1e9);
        seconds.putAll(ModelRunner.run(database));
        started = System.nanoTime();
        BuiltDatabaseCache.keepEarliestDates(database, earliestDates(database));
        seconds.put("earliest dates", (System.nanoTime() - started) / 1e9);
    }

    private static DuckDBConnection openDatabase(String databaseMemoryLimit, Path spillFolder)
            throws SQLException
    {
        DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try {
            limitMemory(database, databaseMemoryLimit, spillFolder);
        }
        catch (SQLException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** DuckDB would take 80% of the machine's memory; beyond the limit it spills to a folder of the server's own. */
    static void limitMemory(Connection database, String databaseMemoryLimit, Path spillFolder)
            throws SQLException
    {
        try (Statement statement = database.createStatement()) {
            statement.execute("set memory_limit = '" + databaseMemoryLimit + "'");
            statement.execute("set temp_directory = '" + sqlText(spillFolder.toString()) + "'");
        }
    }

    /** The manifest of a published snapshot, checked against the layout version this warehouse reads. */
    public static SnapshotManifest readManifest(WarehouseDirectory directory, String snapshotId)
    {
        Path file = directory.snapshot(snapshotId).resolve(WarehouseDirectory.MANIFEST_FILE);
        SnapshotManifest manifest;
        try {
            manifest = SnapshotManifest.read(file);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest " + file + ": " + e.getMessage(), e);
        }
        if (manifest.layoutVersion() != WarehouseDirectory.LAYOUT_VERSION) {
            throw new IllegalStateException("snapshot " + snapshotId + " has layout version " + manifest.layoutVersion()
                    + ", this warehouse reads version " + WarehouseDirectory.LAYOUT_VERSION);
        }
        return manifest;
    }

    /** Makes {@code raw.<table>} a view or copy of a table's Parquet files with exactly the layout's columns and types. */
    private static void loadTable(Connection database, Path folder, Table table)
            throws SQLException
    {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("the snapshot has no folder " + folder);
        }
        String columns = table.columns().stream()
                .map(column -> "cast(" + column.name() + " as " + column.duckdbType() + ") as " + column.name())
                .collect(Collectors.joining(", "));
        if (!hasParquetFiles(folder)) {
            // a table with no rows may come as a folder without files
            String definitions = table.columns().stream()
                    .map(column -> column.name() + " " + column.duckdbType())
                    .collect(Collectors.joining(", "));
            try (Statement statement = database.createStatement()) {
                statement.execute("create table raw." + table.tableName() + " (" + definitions + ")");
            }
            return;
        }
        // The row-level tables stay in their files; the small ones are copied, in file order (the reference lists' order).
        String materialisation = VIEWED_TABLES.contains(table) ? "view" : "table";
        try (Statement statement = database.createStatement()) {
            statement.execute("create " + materialisation + " raw." + table.tableName() + " as select " + columns
                    + " from read_parquet('" + sqlText(parquetFiles(folder)) + "', hive_partitioning = true, union_by_name = true)");
        }
    }

    /** A text as the inside of a SQL string literal (DDL takes no parameters). */
    private static String sqlText(String text)
    {
        return text.replace("'", "''");
    }

    /** The glob of a table folder's Parquet files, at any depth (partitions), for read_parquet. */
    public static String parquetFiles(Path folder)
    {
        return folder.resolve("**").resolve("*.parquet").toString();
    }

    public static boolean hasParquetFiles(Path folder)
    {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.anyMatch(path -> path.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(path));
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }

    private static Map<Fact, LocalDate> earliestDates(Connection database)
            throws SQLException
    {
        // facts that share a query (members and persons) read the files once
        Map<String, Optional<LocalDate>> byQuery = new HashMap<>();
        Map<Fact, LocalDate> dates = new EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            if (fact.earliestDateSql().isEmpty()) {
                continue;
            }
            String sql = fact.earliestDateSql().get();
            if (!byQuery.containsKey(sql)) {
                byQuery.put(sql, earliestDate(database, sql));
            }
            byQuery.get(sql).ifPresent(date -> dates.put(fact, date));
        }
        return dates;
    }

    private static Optional<LocalDate> earliestDate(Connection database, String sql)
            throws SQLException
    {
        try (Statement statement = database.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return Optional.ofNullable(resultSet.getObject(1, LocalDate.class));
        }
    }

    private static void closeQuietly(AutoCloseable lease, Exception failure)
    {
        try {
            lease.close();
        }
        catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection database, Exception failure)
    {
        if (database == null) {
            return;
        }
        try {
            database.close();
        }
        catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
