package org.jijukirwa.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.duckdb.DuckDBConnection;

import static java.util.Objects.requireNonNull;

/**
 * One snapshot loaded into its own in-memory DuckDB database, immutable once built.
 * Reference counted: the warehouse holds one reference while it serves the snapshot, each request one
 * more while it reads; the database closes when the last reference goes.
 */
final class LoadedSnapshot
{
    private final SnapshotInfo info;
    private final DuckDBConnection database;
    private final ReferenceData referenceData;
    private final Map<Fact, LocalDate> earliestDates;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AnswerCache answers = new AnswerCache(AnswerCache.DEFAULT_MAX_ROWS);

    LoadedSnapshot(SnapshotInfo info, DuckDBConnection database, ReferenceData referenceData, Map<Fact, LocalDate> earliestDates)
    {
        this.info = requireNonNull(info, "info is null");
        this.database = requireNonNull(database, "database is null");
        this.referenceData = requireNonNull(referenceData, "referenceData is null");
        this.earliestDates = Map.copyOf(requireNonNull(earliestDates, "earliestDates is null"));
    }

    SnapshotInfo info()
    {
        return info;
    }

    ReferenceData referenceData()
    {
        return referenceData;
    }

    /** The earliest event date of a fact, empty when it has no rows. */
    Optional<LocalDate> earliestDate(Fact fact)
    {
        return Optional.ofNullable(earliestDates.get(fact));
    }

    /** Answers already computed on this snapshot. */
    AnswerCache answers()
    {
        return answers;
    }

    /** A connection of its own for one request; the caller closes it. */
    Connection connect()
            throws SQLException
    {
        return database.duplicate();
    }

    /** Takes a reference; false when the snapshot is already closed. */
    boolean retain()
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

    void release()
    {
        int count = references.decrementAndGet();
        if (count == 0) {
            try {
                database.close();
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot close the database of snapshot " + info.id(), e);
            }
        }
        else if (count < 0) {
            throw new IllegalStateException("snapshot " + info.id() + " released more often than retained");
        }
    }

    boolean isClosed()
    {
        return references.get() == 0;
    }
}
