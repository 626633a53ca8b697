package org.jijukirwa.warehouse.answer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jijukirwa.warehouse.indicator.Indicator.Target;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.Period;

/**
 * The cells of one answer as a temporary table of the request's own connection: the indicator's SQL (protected for
 * the public where it counts people) runs once into it, and the answer is read (or copied to Parquet) from it in order.
 * Columns: row_index (the answer's order), period, the by-columns, then numerator, denominator, value and cell_size as
 * {@link IndicatorSql} computes them.
 */
public final class AnswerCells
{
    public static final String TABLE = "answer_cells";

    private AnswerCells()
    {
    }

    public static void create(Connection connection, ResolvedQuery query, Optional<Protection> protection)
            throws SQLException
    {
        SqlStatement indicator = IndicatorSql.build(query, protection);
        String keys = String.join(", ", keyColumns(query, true));
        String sql = "create temporary table " + TABLE + " as\n"
                + "select\n    row_number() over (order by " + keys + ") as row_index,\n    " + keys + ",\n"
                + "    numerator,\n    denominator,\n    value,\n    cell_size\n"
                + "from (\n" + indicator.sql() + "\n) as cells";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            List<Object> parameters = indicator.parameters();
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            statement.execute();
        }
    }

    /**
     * Refuses, once {@link #create}d, an answer of more than {@code maxRows} cells with a 400 saying what to narrow;
     * {@code whatFor} is {@link AnswerCursor#ANSWER} or {@link AnswerCursor#EXPORT}, {@code orElse} more advice (or empty).
     */
    public static void checkRows(Connection connection, long maxRows, String whatFor, String orElse)
            throws SQLException
    {
        long rows = count(connection);
        if (rows > maxRows) {
            String narrow = "break it down by fewer dimensions, filter it (a district, a value chain), or ask for a shorter period or a coarser grain" + orElse;
            throw new InvalidParameterException(IndicatorQuery.BY, "The " + whatFor + " would hold " + rows + " cells; an " + whatFor
                    + " holds at most " + maxRows + ": " + narrow + ".");
        }
    }

    private static long count(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + TABLE)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The cells in the answer's order, as {@link AnswerCursor} reads them. */
    static String selectSql(ResolvedQuery query)
    {
        return "select " + String.join(", ", keyColumns(query, true)) + ", numerator, denominator, value from "
                + TABLE + " order by row_index";
    }

    /**
     * A COPY of the cells to a Parquet file with the types of {@link AnswerColumns}; suppressed (always false) and
     * suppression (always null) stay for the readers of the files of the former small-cell suppression. The file's
     * key-value metadata holds the answer's lineage as JSON under the key {@code lineage}.
     */
    public static String copyToParquetSql(ResolvedQuery query, Path file, String lineageJson)
    {
        String denominatorType = query.indicator().denominator() instanceof Target ? "double" : "bigint";
        List<String> columns = new ArrayList<>(keyColumns(query, false));
        columns.add("cast(numerator as bigint) as numerator");
        columns.add("cast(denominator as " + denominatorType + ") as denominator");
        columns.add("cast(value as double) as value");
        columns.add("false as suppressed");
        columns.add("cast(null as varchar) as suppression");
        return "copy (select " + String.join(", ", columns) + " from " + TABLE + " order by row_index) to '"
                + file.toAbsolutePath().toString().replace("'", "''") + "' (format parquet, kv_metadata {lineage: '" + lineageJson.replace("'", "''") + "'})";
    }

    /** period (always in the table, only in the answer with a grain) and the by-columns. */
    private static List<String> keyColumns(ResolvedQuery query, boolean withPeriod)
    {
        List<String> keys = new ArrayList<>();
        if (withPeriod || query.grain().isPresent()) {
            keys.add(Period.COLUMN);
        }
        query.by().forEach(dimension -> keys.add(dimension.parameterName()));
        return keys;
    }
}
