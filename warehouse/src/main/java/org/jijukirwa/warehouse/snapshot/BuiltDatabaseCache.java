package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.indicator.Fact;

/**
 * What loading a snapshot builds (the models' tables, views and macros), built straight into a DuckDB file per snapshot
 * ({@link WarehouseDirectory#builtDatabase}): a file-backed database can evict its own pages, so a build larger than the
 * memory limit spills instead of failing, and the same file is what the next load of the snapshot, after a restart,
 * attaches instead of building again (no second copy). The file's name holds a fingerprint of the SQL and of this loader:
 * a server whose models differ builds anew. A warehouse the server cannot write to gets its build in the server's own
 * temp folder, every time.
 *
 * <p>The file is built under a partial name holding the builder's process id, then renamed, so a reader never sees a
 * part; a build a killed process left is removed by the next load in another process. Served, the file is attached
 * read-only to an in-memory database: what a server adds (the disclosure rounding's secret) lives only in that memory,
 * never in the file.
 */
final class BuiltDatabaseCache
{
    /** A schema of what the load computed besides the models (kept with them), out of the models' way. */
    private static final String LOAD_SCHEMA = "snapshot_load";
    private static final String EARLIEST_DATES = LOAD_SCHEMA + ".earliest_dates";
    /** The catalog the built file is attached as in the served database. */
    static final String BUILT_CATALOG = "built";
    /** The fingerprint of what a load builds: the SQL of every macro and model, and the loader's own code. */
    static final String FINGERPRINT = fingerprint();
    private static final Pattern PARTIAL = Pattern.compile(".*\\.duckdb\\.([0-9]+)-[0-9a-f-]+\\.partial(\\.wal)?");

    private BuiltDatabaseCache()
    {
    }

    @FunctionalInterface
    interface Build
    {
        void into(Connection database)
                throws SQLException;
    }

    /** The kept file of a snapshot; its views name the snapshot's files by path, so the name holds the warehouse's path too. */
    static Path file(WarehouseDirectory directory, String snapshotId)
    {
        String place = Integer.toHexString(directory.root().toString().hashCode());
        return directory.builtDatabase(snapshotId, FINGERPRINT + "-" + place);
    }

    /**
     * Builds a snapshot's database with {@code build} in a file of its own and returns that file: the kept file of the
     * snapshot, or, when the warehouse cannot be written, a file in {@code spillFolder} (removed with it).
     */
    static Path build(WarehouseDirectory directory, String snapshotId, String databaseMemoryLimit, Path spillFolder, Build build)
            throws SQLException
    {
        Path file = file(directory, snapshotId);
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".partial");
        try {
            // written and removed at once: only a warehouse the server may write to keeps its builds
            Files.createDirectories(file.getParent());
            Files.delete(Files.writeString(partial, ""));
        }
        catch (IOException e) {
            // a warehouse the server may only read: the build goes with the spill folder
            Path local = spillFolder.resolve("built.duckdb");
            buildInto(local, databaseMemoryLimit, spillFolder, build);
            return local;
        }
        try {
            buildInto(partial, databaseMemoryLimit, spillFolder, build);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException e) {
            throw new SQLException("cannot keep the build of snapshot " + snapshotId + " in " + file + ": " + e.getMessage(), e);
        }
        finally {
            deleteQuietly(partial);
            deleteQuietly(partial.resolveSibling(partial.getFileName() + ".wal"));
        }
    }

    private static void buildInto(Path file, String databaseMemoryLimit, Path spillFolder, Build build)
            throws SQLException
    {
        try (Connection database = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            SnapshotLoader.limitMemory(database, databaseMemoryLimit, spillFolder);
            build.into(database);
            try (Statement statement = database.createStatement()) {
                // everything in the file itself, none of it left in a write-ahead log
                statement.execute("checkpoint");
            }
        }
    }

    /**
     * Attaches a built file read-only to an in-memory database as catalog {@value #BUILT_CATALOG}; a connection reads its
     * tables, views and macros unqualified after {@link #useBuilt}. False when the file is not there; an unreadable file is
     * removed (the next load builds anew) and throws.
     */
    static boolean attach(Connection database, Path file)
    {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Statement statement = database.createStatement()) {
            statement.execute("attach '" + sqlText(file.toString()) + "' as " + BUILT_CATALOG + " (read_only)");
            try (ResultSet result = statement.executeQuery("select count(*) from duckdb_tables() where database_name = '" + BUILT_CATALOG + "'")) {
                result.next();
                if (result.getLong(1) == 0) {
                    throw new SQLException("the file holds no table");
                }
            }
            return true;
        }
        catch (SQLException e) {
            try (Statement statement = database.createStatement()) {
                statement.execute("detach database if exists " + BUILT_CATALOG);
            }
            catch (SQLException detach) {
                e.addSuppressed(detach);
            }
            deleteQuietly(file);
            throw new IllegalStateException("cannot read " + file + " (removed; the next load builds anew): " + e.getMessage(), e);
        }
    }

    /**
     * Makes a connection of the served database read the built file's tables, views and macros unqualified (they bind
     * there, as they were built), and then what was defined in the database's own memory (the disclosure rounding).
     * Settings are per connection: every connection of the snapshot is made to read so.
     */
    static void useBuilt(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("use " + BUILT_CATALOG);
            statement.execute("set search_path = '" + BUILT_CATALOG + ".main,memory.main'");
        }
    }

    /** Removes the partial builds in the warehouse's {@code .built/} of processes that no longer run (killed while building). */
    static void removeDeadBuilds(WarehouseDirectory directory, String snapshotId)
    {
        Path folder = file(directory, snapshotId).getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Matcher partial = PARTIAL.matcher(path.getFileName().toString());
                if (partial.matches()) {
                    long pid = Long.parseLong(partial.group(1));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        deleteQuietly(path);
                    }
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // left; the next load tries again
        }
    }

    /** The earliest date of each fact, kept with the build (some are read from the row-level files). */
    static void keepEarliestDates(Connection database, Map<Fact, LocalDate> dates)
            throws SQLException
    {
        try (Statement statement = database.createStatement()) {
            statement.execute("create schema " + LOAD_SCHEMA);
            statement.execute("create table " + EARLIEST_DATES + " (fact varchar, earliest date)");
        }
        try (PreparedStatement insert = database.prepareStatement("insert into " + EARLIEST_DATES + " values (?, ?)")) {
            for (Map.Entry<Fact, LocalDate> date : dates.entrySet()) {
                insert.setString(1, date.getKey().name());
                insert.setObject(2, date.getValue());
                insert.executeUpdate();
            }
        }
    }

    static Map<Fact, LocalDate> earliestDates(Connection database)
            throws SQLException
    {
        Map<Fact, LocalDate> dates = new EnumMap<>(Fact.class);
        try (Statement statement = database.createStatement();
                ResultSet result = statement.executeQuery("select fact, earliest from " + EARLIEST_DATES)) {
            while (result.next()) {
                dates.put(Fact.valueOf(result.getString(1)), result.getObject(2, LocalDate.class));
            }
        }
        return dates;
    }

    private static void deleteQuietly(Path file)
    {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // left; a later build replaces it
        }
    }

    private static String quoted(String identifier)
    {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String sqlText(String text)
    {
        return text.replace("'", "''");
    }

    private static String fingerprint()
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String macros : ModelRunner.MACROS) {
                digest.update(SqlResources.read(macros).getBytes(StandardCharsets.UTF_8));
            }
            for (ModelRunner.Model model : ModelRunner.MODELS) {
                digest.update((model.path() + model.materialisation() + model.buildOnly()).getBytes(StandardCharsets.UTF_8));
                digest.update(SqlResources.read(model.path()).getBytes(StandardCharsets.UTF_8));
            }
            for (Class<?> type : new Class<?>[] {SnapshotLoader.class, ModelRunner.class, BuiltDatabaseCache.class}) {
                try (InputStream code = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    if (code != null) {
                        digest.update(code.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }
        catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot fingerprint the models", e);
        }
    }
}
