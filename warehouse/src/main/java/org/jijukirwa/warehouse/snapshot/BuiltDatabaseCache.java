package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.indicator.Fact;

/**
 * What loading a snapshot builds (the models' tables, views and macros), kept per snapshot in a DuckDB file
 * ({@link WarehouseDirectory#builtDatabase}) so that the next load of the same snapshot, after a restart, copies
 * it back instead of building it again. The file's name holds a fingerprint of the SQL and of this loader: a
 * server whose models differ builds anew. Best effort: a warehouse the server cannot write to is built every time.
 */
final class BuiltDatabaseCache
{
    /** A schema of what the load computed besides the models (kept with them), out of the models' way. */
    private static final String LOAD_SCHEMA = "snapshot_load";
    private static final String EARLIEST_DATES = LOAD_SCHEMA + ".earliest_dates";
    /** The fingerprint of what a load builds: the SQL of every macro and model, and the loader's own code. */
    static final String FINGERPRINT = fingerprint();

    private BuiltDatabaseCache()
    {
    }

    /** The kept file of a snapshot; its views name the snapshot's files by path, so the name holds the warehouse's path too. */
    static Path file(WarehouseDirectory directory, String snapshotId)
    {
        String place = Integer.toHexString(directory.root().toString().hashCode());
        return directory.builtDatabase(snapshotId, FINGERPRINT + "-" + place);
    }

    /** Copies a kept database into {@code database}; false when there is none (or it cannot be read: it is removed). */
    static boolean restore(Connection database, WarehouseDirectory directory, String snapshotId)
    {
        Path file = file(directory, snapshotId);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Statement statement = database.createStatement()) {
            statement.execute("attach '" + sqlText(file.toString()) + "' as built (read_only)");
            try {
                statement.execute("copy from database built to memory");
            }
            finally {
                statement.execute("detach built");
            }
            return true;
        }
        catch (SQLException e) {
            deleteQuietly(file);
            throw new IllegalStateException("cannot restore " + file + " (removed; the next load builds anew): " + e.getMessage(), e);
        }
    }

    /** Keeps what {@code database} built for the next load: written beside, then renamed, so a reader never sees a part. */
    static void save(Connection database, WarehouseDirectory directory, String snapshotId)
    {
        Path file = file(directory, snapshotId);
        Path partial = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (Statement statement = database.createStatement()) {
                statement.execute("attach '" + sqlText(partial.toString()) + "' as keep");
                try {
                    statement.execute("copy from database memory to keep");
                }
                finally {
                    statement.execute("detach keep");
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException | SQLException e) {
            // not kept: the next load builds again
        }
        finally {
            deleteQuietly(partial);
            deleteQuietly(partial.resolveSibling(partial.getFileName() + ".wal"));
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
            // left; a later save replaces it
        }
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
                digest.update(SqlResources.read(macros).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (ModelRunner.Model model : ModelRunner.MODELS) {
                digest.update((model.path() + model.materialisation() + model.buildOnly()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(SqlResources.read(model.path()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Class<?> type : new Class<?>[] {SnapshotLoader.class, ModelRunner.class}) {
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
