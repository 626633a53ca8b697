package org.jijukirwa.warehouse.snapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.WarehouseBusyException;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Fact;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
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
    void theSessionsAreThoseOfTheAttendanceFactWhichTheyNoLongerRead(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id);
        String definition = "select distinct session_id, held_on, topic, session_district, session_province from fct_attendances";
        try (Connection connection = snapshot.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select (select count(*) from agg_sessions), (select count(*) from (" + definition + ")), "
                        + "(select count(*) from (select * from agg_sessions except all (" + definition + "))), "
                        + "(select count(*) from ((" + definition + ") except all select * from agg_sessions))")) {
            resultSet.next();
            assertThat(resultSet.getLong(1)).isEqualTo(resultSet.getLong(2)).isGreaterThan(3);
            assertThat(resultSet.getLong(3)).isZero();
            assertThat(resultSet.getLong(4)).isZero();
        }
        finally {
            snapshot.release();
        }
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
                        "select data_type from information_schema.columns where table_catalog = 'built' and table_schema = 'raw' and table_name = 'coaching' and column_name in ('topics', 'updated_at') order by column_name")) {
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

    @Test
    void duckDbKeepsToItsMemoryLimitAndSpillFolderWhichGoesWithTheDatabase(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id, "300MB", 1);
        Path spillFolder;
        try (Connection connection = snapshot.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select current_setting('memory_limit'), current_setting('temp_directory')")) {
            resultSet.next();
            // DuckDB shows the limit in its own units: 300 MB = 286.1 MiB
            assertThat(resultSet.getString(1)).isEqualTo("286.1 MiB");
            spillFolder = Path.of(resultSet.getString(2));
        }
        assertThat(spillFolder).isDirectory();
        snapshot.release();
        assertThat(spillFolder).doesNotExist();
    }

    @Test
    void queriesBeyondTheSlotsWaitForAFreeOne(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id, "300MB", 1);
        AtomicBoolean secondRan = new AtomicBoolean();
        try (HeldSlot first = new HeldSlot(snapshot)) {
            Future<?> second = first.threads.submit(() -> snapshot.inQuerySlot(() -> {
                secondRan.set(true);
                return null;
            }));
            // the one slot is taken: the second query waits
            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(secondRan).isFalse();
            first.end();
            second.get(10, TimeUnit.SECONDS);
            assertThat(secondRan).isTrue();
        }
        finally {
            snapshot.release();
        }
    }

    @Test
    void aQueryStillRunningAtTheTimeLimitIsInterruptedAndSaidBusy(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id, "300MB", 1, Duration.ofMillis(300));
        try (Connection connection = snapshot.connect()) {
            // a sum over 10^12 rows would run for hours: only the interrupt ends it
            assertThatThrownBy(() -> snapshot.inQuerySlot(() -> {
                try (Statement statement = connection.createStatement();
                        ResultSet resultSet = statement.executeQuery("select sum(range * 2) from range(1000000000000)")) {
                    return resultSet.next();
                }
            })).isInstanceOf(WarehouseBusyException.class)
                    .hasMessage("The query was stopped after 300 ms, its time limit: ask for a shorter period, a coarser grain or fewer breakdowns, "
                            + "or ask again later.")
                    .hasCauseInstanceOf(SQLTimeoutException.class);
            // the connection and the slot serve the next query
            Long count = snapshot.inQuerySlot(() -> {
                try (PreparedStatement statement = connection.prepareStatement("select count(*) from dim_cooperatives");
                        ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    return resultSet.getLong(1);
                }
            });
            assertThat(count).isEqualTo(6);
        }
        finally {
            snapshot.release();
        }
    }

    @Test
    void aQueryThatFindsNoFreeSlotWithinTheTimeLimitIsSaidBusy(@TempDir Path root)
            throws Exception
    {
        String id = ProgrammeFixture.programme(root).publish();
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(root), id, "300MB", 1, Duration.ofMillis(200));
        try (HeldSlot first = new HeldSlot(snapshot)) {
            assertThatThrownBy(() -> snapshot.inQuerySlot(() -> null)).isInstanceOf(WarehouseBusyException.class)
                    .hasMessage("The server is busy: every query slot stayed taken for 200 ms. Ask again in a few seconds.")
                    .satisfies(e -> assertThat(((WarehouseBusyException) e).retryAfterSeconds()).isEqualTo(1));
            first.end();
        }
        finally {
            snapshot.release();
        }
    }

    /** A query on another thread that has taken a slot of the snapshot and holds it until {@link #end} or close. */
    private static final class HeldSlot
            implements AutoCloseable
    {
        /** The held query's thread and one more, for a query that waits behind it. */
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final CountDownLatch mayEnd = new CountDownLatch(1);
        private final Future<?> query;

        HeldSlot(LoadedSnapshot snapshot)
                throws InterruptedException
        {
            CountDownLatch running = new CountDownLatch(1);
            query = threads.submit(() -> snapshot.inQuerySlot(() -> {
                running.countDown();
                awaitUninterrupted(mayEnd);
                return null;
            }));
            running.await();
        }

        /** Lets the held query end and waits for it. */
        void end()
                throws Exception
        {
            mayEnd.countDown();
            query.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close()
        {
            mayEnd.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitUninterrupted(CountDownLatch latch)
    {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
