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

import org.jijukirwa.warehouse.indicator.Dimension;
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
    private AnswerRow next;
    private boolean closed;

    private AnswerCursor(AnswerHeading heading, ResolvedQuery query, LoadedSnapshot snapshot, Connection connection,
            PreparedStatement statement, ResultSet resultSet)
    {
        this.heading = requireNonNull(heading, "heading is null");
        this.query = requireNonNull(query, "query is null");
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.resultSet = requireNonNull(resultSet, "resultSet is null");
    }

    /**
     * Runs the answer's SQL on a connection of its own. Takes over the snapshot reference the caller
     * retained: released on close, or here when opening fails.
     */
    public static AnswerCursor open(AnswerHeading heading, ResolvedQuery query, LoadedSnapshot snapshot, Optional<Protection> protection)
    {
        Connection connection = null;
        PreparedStatement statement = null;
        try {
            connection = snapshot.connect();
            Connection cells = connection;
            snapshot.inQuerySlot(() -> {
                AnswerCells.create(cells, query, protection);
                return null;
            });
            statement = connection.prepareStatement(AnswerCells.selectSql(query));
            ResultSet resultSet = statement.executeQuery();
            return new AnswerCursor(heading, query, snapshot, connection, statement, resultSet);
        }
        catch (SQLException | RuntimeException e) {
            closeAll(e, statement, connection);
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
