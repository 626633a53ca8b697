package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadedSnapshotTest
{
    @Test
    void theDatabaseClosesWhenTheLastReferenceIsReleased(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id);
        assertThat(snapshot.retain()).isTrue();    // a request
        snapshot.release();                        // the warehouse replaces it
        assertThat(snapshot.isClosed()).isFalse();
        try (Connection connection = snapshot.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select count(*) from dim_cooperatives")) {
            resultSet.next();
            assertThat(resultSet.getLong(1)).isEqualTo(6);
        }
        snapshot.release();                        // the request ends
        assertThat(snapshot.isClosed()).isTrue();
        assertThat(snapshot.retain()).isFalse();
        assertThatThrownBy(snapshot::connect).isInstanceOf(Exception.class);
    }

    @Test
    void loadsTheLayoutTablesWithTheirTypes(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id);
        try (Connection connection = snapshot.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(
                        "select data_type from information_schema.columns where table_schema = 'raw' and table_name = 'coaching' and column_name in ('topics', 'updated_at') order by column_name")) {
            resultSet.next();
            assertThat(resultSet.getString(1)).isEqualTo("VARCHAR[]");
            resultSet.next();
            assertThat(resultSet.getString(1)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        }
        finally {
            snapshot.release();
        }
        assertThat(snapshot.info().id()).isEqualTo(id);
        assertThat(snapshot.referenceData().values(Dimension.PROVINCE)).containsExactly("Kigali City", "Southern", "Western");
        assertThat(snapshot.earliestDate(Fact.COACHING_VISITS)).contains(java.time.LocalDate.parse("2019-02-10"));
    }
}
