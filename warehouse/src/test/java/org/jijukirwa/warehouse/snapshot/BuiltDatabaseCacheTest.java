package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.WarehouseSettings;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltDatabaseCacheTest
{
    @Test
    void aRestartAttachesWhatTheFirstLoadBuiltInsteadOfReadingTheFilesAgain(@TempDir Path root)
            throws Exception
    {
        WarehouseDirectory directory = new WarehouseDirectory(root);
        String id = ProgrammeFixture.programme(root).publish();
        List<String> built = tables(SnapshotLoader.load(directory, id));
        assertThat(BuiltDatabaseCache.file(directory, id)).isRegularFile();

        // Without the members' files a load that built again would count no member: the figures come from the kept build.
        deleteFiles(directory.table(id, Table.MEMBERS));
        LoadedSnapshot restarted = SnapshotLoader.load(directory, id);
        assertThat(tables(restarted)).isEqualTo(built).anyMatch(row -> row.startsWith("agg_membership_states"));
    }

    @Test
    void anUnreadableKeptBuildIsBuiltAgainAndReplaced(@TempDir Path root)
            throws Exception
    {
        WarehouseDirectory directory = new WarehouseDirectory(root);
        String id = ProgrammeFixture.programme(root).publish();
        Path kept = BuiltDatabaseCache.file(directory, id);
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "not a database");

        List<String> built = tables(SnapshotLoader.load(directory, id));
        assertThat(built).anyMatch(row -> row.startsWith("agg_membership_states"));
        assertThat(Files.size(kept)).isGreaterThan(100);
        assertThat(tables(SnapshotLoader.load(directory, id))).isEqualTo(built);
    }

    @Test
    void theLoadServesTheKeptFileItselfAndTheDisclosureSecretStaysOutOfIt(@TempDir Path root)
            throws Exception
    {
        WarehouseDirectory directory = new WarehouseDirectory(root);
        String id = ProgrammeFixture.programme(root).publish();
        String secret = "built-database-cache-test-secret";
        Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults().withDisclosureSecret(secret));
        try {
            IndicatorAnswer answer = warehouse.answer(IndicatorQuery.parse("members_active", Map.of("by", "district", "as_of", "2020-12-31")), Audience.PUBLIC);
            assertThat(answer.rows()).isNotEmpty();
            try (Connection connection = warehouse.connectToSnapshot(); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select path, readonly from duckdb_databases() where database_name = 'built'")) {
                result.next();
                // one file: the kept build, attached read-only (nothing copied into memory)
                assertThat(Path.of(result.getString(1))).isEqualTo(BuiltDatabaseCache.file(directory, id));
                assertThat(result.getBoolean(2)).isTrue();
            }
        }
        finally {
            warehouse.close();
        }
        byte[] kept = Files.readAllBytes(BuiltDatabaseCache.file(directory, id));
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).contains("agg_membership_states").doesNotContain(secret);
        try (Stream<Path> files = Files.list(BuiltDatabaseCache.file(directory, id).getParent())) {
            assertThat(files).containsExactly(BuiltDatabaseCache.file(directory, id));
        }
    }

    @Test
    void aBuildThatAKilledServerLeftIsRemovedAndOneStillUnderWayIsNot(@TempDir Path root)
            throws Exception
    {
        WarehouseDirectory directory = new WarehouseDirectory(root);
        String id = ProgrammeFixture.programme(root).publish();
        Path kept = BuiltDatabaseCache.file(directory, id);
        Files.createDirectories(kept.getParent());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process building = new ProcessBuilder("sleep", "60").start();
        try {
            Path dead = kept.resolveSibling(kept.getFileName() + "." + gone.pid() + "-" + UUID.randomUUID() + ".partial");
            Path deadLog = dead.resolveSibling(dead.getFileName() + ".wal");
            Path alive = kept.resolveSibling(kept.getFileName() + "." + building.pid() + "-" + UUID.randomUUID() + ".partial");
            for (Path file : List.of(dead, deadLog, alive)) {
                Files.writeString(file, "part of a build");
            }
            SnapshotLoader.load(directory, id).release();
            assertThat(dead).doesNotExist();
            assertThat(deadLog).doesNotExist();
            assertThat(alive).exists();
            assertThat(kept).isRegularFile();
        }
        finally {
            building.destroy();
        }
    }

    /** Every row of every table the load built, as text, sorted; releases the snapshot. */
    private static List<String> tables(LoadedSnapshot snapshot)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Connection connection = snapshot.connect(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables where table_type = 'BASE TABLE' and table_catalog = 'built' and table_schema = 'main'")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet result = statement.executeQuery("select * from " + name)) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(name);
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            row.append(' ').append(result.getString(column));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        finally {
            snapshot.release();
        }
        rows.sort(null);
        return rows;
    }

    private static void deleteFiles(Path folder)
            throws IOException
    {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
    }
}
