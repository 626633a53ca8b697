package org.jijukirwa.warehouse.answer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.jijukirwa.warehouse.Deadline;
import org.jijukirwa.warehouse.WarehouseBusyException;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.Period;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;

import static java.util.Objects.requireNonNull;

/**
 * The rows of one answer as DuckDB streams them: an export of any size holds one row at a time.
 * Not thread-safe. It keeps its snapshot and connection until closed: always close it.
 */
public final class AnswerCursor
        implements Iterator<AnswerRow>, AutoCloseable
{
    private final AnswerHeading heading;
    private final ResolvedQuery query;
    private final LoadedSnapshot snapshot;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    /** Checked while the rows are read; null when reading them is not bounded by it (an export already sending). */
    private final Deadline deadline;
    private long read;
    private AnswerRow next;
    private boolean closed;

    /** What an in-memory answer of the API is called in its 400. */
    public static final String ANSWER = "answer";
    /** What a streamed export is called in its 400. */
    public static final String EXPORT = "export";

    private AnswerCursor(AnswerHeading heading, ResolvedQuery query, LoadedSnapshot snapshot, Connection connection,
            PreparedStatement statement, ResultSet resultSet, Deadline deadline)
    {
        this.deadline = deadline;
        this.heading = requireNonNull(heading, "heading is null");
        this.query = requireNonNull(query, "query is null");
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.resultSet = requireNonNull(resultSet, "resultSet is null");
    }

    /**
     * Runs the answer's SQL on a connection of its own, within the request's deadline, and refuses an answer of more
     * than {@code maxRows} cells (a 400 naming what to narrow, for {@code whatFor}: {@link #ANSWER} or {@link #EXPORT}, with the advice {@code orElse}). Takes over the
     * snapshot reference the caller retained: released on close, or here when opening fails. With {@code rowsWithinDeadline},
     * reading the rows counts against the deadline too ({@link #hasNext} stops past it with a {@link WarehouseBusyException}).
     */
    public static AnswerCursor open(AnswerHeading heading, ResolvedQuery query, LoadedSnapshot snapshot, Optional<Protection> protection,
            Deadline deadline, long maxRows, String whatFor, String orElse, boolean rowsWithinDeadline)
    {
        Connection connection = null;
        PreparedStatement[] statement = new PreparedStatement[1];
        try {
            connection = snapshot.connect();
            Connection cells = connection;
            ResultSet resultSet = snapshot.inQuerySlot(deadline, () -> {
                AnswerCells.create(cells, query, protection);
                AnswerCells.checkRows(cells, maxRows, whatFor, orElse);
                // DuckDB materialises the result here, in the slot and under its time limit; the rows are then only converted
                statement[0] = cells.prepareStatement(AnswerCells.selectSql(query));
                return statement[0].executeQuery();
            });
            return new AnswerCursor(heading, query, snapshot, connection, statement[0], resultSet, rowsWithinDeadline ? deadline : null);
        }
        catch (InvalidParameterException | WarehouseBusyException e) {
            closeAll(e, statement[0], connection);
            snapshot.release();
            throw e;
        }
        catch (SQLException | RuntimeException e) {
            closeAll(e, statement[0], connection);
            snapshot.release();
            throw new IllegalStateException("indicator " + query.indicator().id() + " failed on snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
        }
    }

    public AnswerHeading heading()
    {
        return heading;
    }

    @Override
    public boolean hasNext()
    {
        if (next == null && !closed) {
            try {
                if (deadline != null && (read++ & 255) == 0) {
                    deadline.check();
                }
                if (resultSet.next()) {
                    next = row(resultSet);
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot read the answer of " + query.indicator().id() + ": " + e.getMessage(), e);
            }
        }
        return next != null;
    }

    @Override
    public AnswerRow next()
    {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AnswerRow row = next;
        next = null;
        return row;
    }

    /** Closes the result, the connection (dropping its temporary table) and lets the snapshot go; idempotent. */
    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeAll(null, resultSet, statement, connection);
        }
        finally {
            snapshot.release();
        }
    }

    private AnswerRow row(ResultSet resultSet)
            throws SQLException
    {
        Map<String, String> cells = new LinkedHashMap<>();
        if (query.grain().isPresent()) {
            cells.put(Period.COLUMN, resultSet.getString(Period.COLUMN));
        }
        for (Dimension dimension : query.by()) {
            cells.put(dimension.parameterName(), resultSet.getString(dimension.parameterName()));
        }
        // typed by the SQL: counts BIGINT (Long), rates and days DOUBLE; value as the SQL computed it
        return new AnswerRow(cells, (Number) resultSet.getObject("numerator"), wholeIfIntegral((Number) resultSet.getObject("denominator")),
                (Number) resultSet.getObject("value"));
    }

    /** Counts stay Long; a target (stored as a double) is shown as a whole number when it is one. */
    private static Number wholeIfIntegral(Number number)
    {
        if (number == null || number instanceof Long) {
            return number;
        }
        double value = number.doubleValue();
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            return (long) value;
        }
        return value;
    }

    private static void closeAll(Exception failure, AutoCloseable... resources)
    {
        IllegalStateException closing = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            }
            catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
                else if (closing == null) {
                    closing = new IllegalStateException("cannot close the answer: " + e.getMessage(), e);
                }
            }
        }
        if (closing != null) {
            throw closing;
        }
    }
}
