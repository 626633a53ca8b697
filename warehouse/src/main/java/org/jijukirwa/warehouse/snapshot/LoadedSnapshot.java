package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;
import org.jijukirwa.warehouse.Deadline;
import org.jijukirwa.warehouse.WarehouseBusyException;
import org.jijukirwa.warehouse.indicator.Fact;

import static java.util.Objects.requireNonNull;

/**
 * One snapshot loaded into its own in-memory DuckDB database, which attaches the snapshot's built file read-only
 * (see {@link BuiltDatabaseCache}): immutable once built.
 * Reference counted: the warehouse holds one reference while it serves the snapshot, each request one
 * more while it reads; the database closes when the last reference goes.
 */
public final class LoadedSnapshot
{
    private final SnapshotInfo info;
    private final DuckDBConnection database;
    /** Where DuckDB writes what does not fit its memory limit; removed with the database. */
    private final Path spillFolder;
    private final ReferenceData referenceData;
    private final Map<Fact, LocalDate> earliestDates;
    private final AtomicInteger references = new AtomicInteger(1);
    private final Semaphore querySlots;
    private final Duration queryTimeout;
    /** The snapshot's reader lock: pruning keeps a snapshot while a server has it loaded. */
    private final AutoCloseable readerLease;
    private final Map<String, Double> buildSeconds;

    LoadedSnapshot(SnapshotInfo info, DuckDBConnection database, Path spillFolder, ReferenceData referenceData, Map<Fact, LocalDate> earliestDates,
            int querySlots, Duration queryTimeout, AutoCloseable readerLease, Map<String, Double> buildSeconds)
    {
        this.buildSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(buildSeconds, "buildSeconds is null")));
        this.queryTimeout = requireNonNull(queryTimeout, "queryTimeout is null");
        this.readerLease = requireNonNull(readerLease, "readerLease is null");
        this.spillFolder = requireNonNull(spillFolder, "spillFolder is null");
        this.querySlots = new Semaphore(querySlots, true);
        this.info = requireNonNull(info, "info is null");
        this.database = requireNonNull(database, "database is null");
        this.referenceData = requireNonNull(referenceData, "referenceData is null");
        this.earliestDates = Map.copyOf(requireNonNull(earliestDates, "earliestDates is null"));
    }

    public SnapshotInfo info()
    {
        return info;
    }

    public ReferenceData referenceData()
    {
        return referenceData;
    }

    /**
     * What this load spent building, step by step in build order (the raw tables, each model, the earliest dates), in
     * seconds; empty when it attached a file an earlier load built.
     */
    public Map<String, Double> buildSeconds()
    {
        return buildSeconds;
    }

    /** The earliest event date of a fact, empty when it has no rows. */
    public Optional<LocalDate> earliestDate(Fact fact)
    {
        return Optional.ofNullable(earliestDates.get(fact));
    }

    /** A deadline of this snapshot's query time limit from now: one per request (docs/interfaces.md, "Bounds"). */
    public Deadline deadline()
    {
        return Deadline.after(queryTimeout);
    }

    /** {@link #inQuerySlot(Deadline, SqlWork)} with a deadline of its own. */
    public <T> T inQuerySlot(SqlWork<T> work)
            throws SQLException
    {
        return inQuerySlot(deadline(), work);
    }

    /**
     * Runs one query's work once a query slot is free: each DuckDB query uses every core, so queries beyond
     * the slots would only slow each other down; waiting in line keeps each one fast. The wait and the work
     * have the request's deadline: a query still running then is interrupted, and either way the caller gets a
     * {@link WarehouseBusyException} (the server is busy; ask again later) instead of an answer that comes too late.
     */
    public <T> T inQuerySlot(Deadline deadline, SqlWork<T> work)
            throws SQLException
    {
        requireNonNull(deadline, "deadline is null");
        deadline.check();
        try {
            if (!querySlots.tryAcquire(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                throw deadline.noSlot();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a query slot", e);
        }
        try {
            // one limit for the wait and the work together: an answer never comes later than the limit (and the interrupt)
            return TimedConnection.withDeadline(deadline.remainingNanos(), work);
        }
        catch (SQLTimeoutException e) {
            throw deadline.stopped(e);
        }
        finally {
            querySlots.release();
        }
    }

    @FunctionalInterface
    public interface SqlWork<T>
    {
        T run()
                throws SQLException;
    }

    /** A connection of its own for one request, its statements timed in query slots; the caller closes it. */
    public Connection connect()
            throws SQLException
    {
        Connection connection = database.duplicate();
        try {
            BuiltDatabaseCache.useBuilt(connection);
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
        return TimedConnection.wrap(connection);
    }

    /**
     * A connection whose definitions (macros) go to the database's own memory, never to the snapshot's built file (which
     * is read-only): for what a server adds to a loaded snapshot, such as the disclosure rounding. The caller closes it.
     */
    public Connection connectToMemory()
            throws SQLException
    {
        return database.duplicate();
    }

    /** Takes a reference; false when the snapshot is already closed. */
    public boolean retain()
    {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    public void release()
    {
        int count = references.decrementAndGet();
        if (count == 0) {
            try {
                database.close();
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot close the database of snapshot " + info.id(), e);
            }
            finally {
                deleteFolder(spillFolder);
                try {
                    readerLease.close();
                }
                catch (Exception e) {
                    // the lock goes with the process at the latest
                }
            }
        }
        else if (count < 0) {
            throw new IllegalStateException("snapshot " + info.id() + " released more often than retained");
        }
    }

    /** Removes a folder and what is in it, if it exists; what cannot be removed stays in the temp folder. */
    static void deleteFolder(Path folder)
    {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            // left in the temp folder, which the system cleans
        }
    }

    boolean isClosed()
    {
        return references.get() == 0;
    }
}
