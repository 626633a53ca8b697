package org.jijukirwa.warehouse.suppression;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Period;

/**
 * Small-cell suppression of indicators.md: one step that acts on the table of an answer's cells in DuckDB, so
 * that an answer of any size is suppressed without holding it in the JVM. The table has the columns row_index
 * (the answer's order), period, one per by-dimension, cell_size and suppression (null until marked here).
 * A cell's size is its count, or for a rate its denominator. Cells of size 1..k-1 are suppressed;
 * then, along each by-dimension, a group of cells sharing the period and all other by-values that
 * has exactly one suppressed cell gets its smallest other non-zero cell suppressed too (the first in
 * the answer's order on equal sizes), until no group has exactly one. The groups along one dimension
 * do not overlap, so one UPDATE per dimension treats them all as a loop over them would.
 */
public final class CellSuppression
{
    private final int threshold;

    public CellSuppression(int threshold)
    {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold()
    {
        return threshold;
    }

    /** Fills the suppression column of the cells table, whose by-columns are named as the dimensions. */
    public void apply(Connection connection, String cellsTable, List<Dimension> by)
            throws SQLException
    {
        try (PreparedStatement smallCells = connection.prepareStatement(
                "update " + cellsTable + " set suppression = 'small_cell' where cell_size >= 1 and cell_size < ?")) {
            smallCells.setInt(1, threshold);
            smallCells.executeUpdate();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Dimension dimension : by) {
                try (Statement statement = connection.createStatement()) {
                    changed |= statement.executeUpdate(complementSql(cellsTable, by, dimension)) > 0;
                }
            }
        }
    }

    private static String complementSql(String cellsTable, List<Dimension> by, Dimension dimension)
    {
        List<String> group = new ArrayList<>();
        group.add(Period.COLUMN);
        by.stream().filter(other -> other != dimension).map(Dimension::parameterName).forEach(group::add);
        String partition = "partition by " + String.join(", ", group);
        return """
                update %1$s
                set suppression = 'complementary'
                from (
                    select row_index
                    from (
                        select
                            row_index,
                            suppression,
                            cell_size,
                            count(suppression) over (%2$s) as suppressed_cells,
                            row_number() over (%2$s order by (suppression is null and cell_size > 0) desc, cell_size, row_index) as candidate_rank
                        from %1$s
                    ) as cells
                    where suppressed_cells = 1 and candidate_rank = 1 and suppression is null and cell_size > 0
                ) as chosen
                where %1$s.row_index = chosen.row_index
                """.formatted(cellsTable, partition);
    }
}
