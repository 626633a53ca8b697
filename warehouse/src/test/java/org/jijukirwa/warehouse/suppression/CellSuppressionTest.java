package org.jijukirwa.warehouse.suppression;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.indicator.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.suppression.Suppression.COMPLEMENTARY;
import static org.jijukirwa.warehouse.suppression.Suppression.SMALL_CELL;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.rate;
import static org.jijukirwa.warehouse.testing.Rows.suppressed;

class CellSuppressionTest
{
    /** A table of cells as the answer's cells table has them. */
    private static final String CELLS = "answer_cells";

    private final CellSuppression suppression = new CellSuppression(5);

    /** Puts the rows in the cells table as the warehouse makes it, suppresses, and reads the rows back in order. */
    private List<AnswerRow> apply(List<AnswerRow> rows, List<String> by, IndicatorUnit unit)
    {
        return apply(suppression, rows, by, unit);
    }

    private static List<AnswerRow> apply(CellSuppression suppression, List<AnswerRow> rows, List<String> by, IndicatorUnit unit)
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            String byColumns = by.stream().map(name -> name + " varchar, ").collect(Collectors.joining());
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table " + CELLS + " (row_index bigint, period varchar, " + byColumns
                        + "cell_size double, suppression varchar)");
            }
            String placeholders = "?, ?, " + "?, ".repeat(by.size()) + "?, null";
            try (PreparedStatement insert = connection.prepareStatement("insert into " + CELLS + " values (" + placeholders + ")")) {
                for (int index = 0; index < rows.size(); index++) {
                    AnswerRow row = rows.get(index);
                    insert.setLong(1, index + 1);
                    insert.setString(2, row.cells().get(Period.COLUMN));
                    for (int column = 0; column < by.size(); column++) {
                        insert.setString(3 + column, row.cells().get(by.get(column)));
                    }
                    Number size = unit == IndicatorUnit.RATE ? row.denominator() : row.value();
                    insert.setDouble(3 + by.size(), size == null ? 0 : size.doubleValue());
                    insert.executeUpdate();
                }
            }
            suppression.apply(connection, CELLS, by.stream().map(name -> Dimension.forName(name).orElseThrow()).toList());
            List<AnswerRow> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("select suppression from " + CELLS + " order by row_index")) {
                for (AnswerRow row : rows) {
                    resultSet.next();
                    String reason = resultSet.getString(1);
                    result.add(reason == null ? row : row.suppress(Suppression.valueOf(reason.toUpperCase(Locale.ROOT))));
                }
            }
            return result;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCountOfOneToFourIsSuppressedAndZeroOrFiveIsNot()
    {
        List<AnswerRow> rows = List.of(count(0), count(1), count(4), count(5));
        // no by-dimension: every row is its own cell, nothing to complement
        assertThat(apply(rows, List.of(), IndicatorUnit.COUNT)).containsExactly(
                count(0), suppressed(SMALL_CELL), suppressed(SMALL_CELL), count(5));
    }

    @Test
    void aRateIsJudgedByItsDenominator()
    {
        List<AnswerRow> rows = List.of(
                rate(1, 10, "sex", "F"),
                rate(3, 4, "sex", "M"),
                rate(0, 6, "sex", "U"));
        assertThat(apply(rows, List.of("sex"), IndicatorUnit.RATE)).containsExactly(
                rate(1, 10, "sex", "F"),
                suppressed(SMALL_CELL, "sex", "M"),
                suppressed(COMPLEMENTARY, "sex", "U"));
    }

    @Test
    void oneSuppressedCellInADimensionTakesTheSmallestOtherNonZeroCellWithIt()
    {
        // the age-band pattern of the spec example: 61+ is small, unknown is the smallest other
        List<AnswerRow> rows = List.of(
                count(416, "age_band", "16-30"),
                count(467, "age_band", "31-45"),
                count(142, "age_band", "46-60"),
                count(3, "age_band", "61+"),
                count(7, "age_band", "unknown"));
        assertThat(apply(rows, List.of("age_band"), IndicatorUnit.COUNT)).containsExactly(
                count(416, "age_band", "16-30"),
                count(467, "age_band", "31-45"),
                count(142, "age_band", "46-60"),
                suppressed(SMALL_CELL, "age_band", "61+"),
                suppressed(COMPLEMENTARY, "age_band", "unknown"));
    }

    @Test
    void zeroCellsAreNeitherSuppressedNorChosenAsComplement()
    {
        List<AnswerRow> rows = List.of(
                rate(0, 2, "sex", "F"),
                rate(0, 0, "sex", "M"),
                rate(3, 9, "sex", "U"));
        assertThat(apply(rows, List.of("sex"), IndicatorUnit.RATE)).containsExactly(
                suppressed(SMALL_CELL, "sex", "F"),
                rate(0, 0, "sex", "M"),
                suppressed(COMPLEMENTARY, "sex", "U"));
    }

    @Test
    void twoSuppressedCellsInAGroupNeedNoComplement()
    {
        List<AnswerRow> rows = List.of(count(2, "sex", "F"), count(3, "sex", "M"), count(40, "sex", "U"));
        assertThat(apply(rows, List.of("sex"), IndicatorUnit.COUNT)).containsExactly(
                suppressed(SMALL_CELL, "sex", "F"), suppressed(SMALL_CELL, "sex", "M"), count(40, "sex", "U"));
    }

    @Test
    void aLoneCellHasNothingToComplementWith()
    {
        assertThat(apply(List.of(count(2, "sex", "F")), List.of("sex"), IndicatorUnit.COUNT))
                .containsExactly(suppressed(SMALL_CELL, "sex", "F"));
    }

    @Test
    void onEqualSizesTheFirstCellIsChosen()
    {
        List<AnswerRow> rows = List.of(count(1, "sex", "F"), count(8, "sex", "M"), count(8, "sex", "U"));
        assertThat(apply(rows, List.of("sex"), IndicatorUnit.COUNT)).containsExactly(
                suppressed(SMALL_CELL, "sex", "F"), suppressed(COMPLEMENTARY, "sex", "M"), count(8, "sex", "U"));
    }

    @Test
    void groupsDoNotCrossPeriods()
    {
        List<AnswerRow> rows = List.of(
                count(2, "period", "2019", "sex", "F"),
                count(9, "period", "2019", "sex", "M"),
                count(7, "period", "2020", "sex", "F"),
                count(9, "period", "2020", "sex", "M"));
        assertThat(apply(rows, List.of("sex"), IndicatorUnit.COUNT)).containsExactly(
                suppressed(SMALL_CELL, "period", "2019", "sex", "F"),
                suppressed(COMPLEMENTARY, "period", "2019", "sex", "M"),
                count(7, "period", "2020", "sex", "F"),
                count(9, "period", "2020", "sex", "M"));
    }

    @Test
    void complementsChainAcrossTwoDimensions()
    {
        // D1 F is small; its row takes D1 M, its column takes D2 F; then the M column has only D1 M and takes D2 M
        List<AnswerRow> rows = List.of(
                count(2, "district", "D1", "sex", "F"),
                count(10, "district", "D1", "sex", "M"),
                count(20, "district", "D2", "sex", "F"),
                count(30, "district", "D2", "sex", "M"),
                count(40, "district", "D3", "sex", "F"),
                count(50, "district", "D3", "sex", "M"));
        assertThat(apply(rows, List.of("district", "sex"), IndicatorUnit.COUNT)).containsExactly(
                suppressed(SMALL_CELL, "district", "D1", "sex", "F"),
                suppressed(COMPLEMENTARY, "district", "D1", "sex", "M"),
                suppressed(COMPLEMENTARY, "district", "D2", "sex", "F"),
                suppressed(COMPLEMENTARY, "district", "D2", "sex", "M"),
                count(40, "district", "D3", "sex", "F"),
                count(50, "district", "D3", "sex", "M"));
    }

    @Test
    void theSpecExampleMembersByProvinceAndSex()
    {
        // totals by province as in the example (222, 136, 182, 286, 259); the small U cells and the
        // F/M split of the suppressed provinces are chosen to fit it
        List<AnswerRow> rows = List.of(
                count(99, "province", "Eastern", "sex", "F"),
                count(121, "province", "Eastern", "sex", "M"),
                count(2, "province", "Eastern", "sex", "U"),
                count(86, "province", "Kigali City", "sex", "F"),
                count(48, "province", "Kigali City", "sex", "M"),
                count(2, "province", "Kigali City", "sex", "U"),
                count(80, "province", "Northern", "sex", "F"),
                count(99, "province", "Northern", "sex", "M"),
                count(3, "province", "Northern", "sex", "U"),
                count(103, "province", "Southern", "sex", "F"),
                count(172, "province", "Southern", "sex", "M"),
                count(11, "province", "Southern", "sex", "U"),
                count(74, "province", "Western", "sex", "F"),
                count(178, "province", "Western", "sex", "M"),
                count(7, "province", "Western", "sex", "U"));
        assertThat(apply(rows, List.of("province", "sex"), IndicatorUnit.COUNT)).containsExactly(
                suppressed(COMPLEMENTARY, "province", "Eastern", "sex", "F"),
                count(121, "province", "Eastern", "sex", "M"),
                suppressed(SMALL_CELL, "province", "Eastern", "sex", "U"),
                count(86, "province", "Kigali City", "sex", "F"),
                suppressed(COMPLEMENTARY, "province", "Kigali City", "sex", "M"),
                suppressed(SMALL_CELL, "province", "Kigali City", "sex", "U"),
                suppressed(COMPLEMENTARY, "province", "Northern", "sex", "F"),
                suppressed(COMPLEMENTARY, "province", "Northern", "sex", "M"),
                suppressed(SMALL_CELL, "province", "Northern", "sex", "U"),
                count(103, "province", "Southern", "sex", "F"),
                count(172, "province", "Southern", "sex", "M"),
                count(11, "province", "Southern", "sex", "U"),
                count(74, "province", "Western", "sex", "F"),
                count(178, "province", "Western", "sex", "M"),
                count(7, "province", "Western", "sex", "U"));
    }

    @Test
    void theThresholdIsConfigurable()
    {
        List<AnswerRow> rows = List.of(count(2, "sex", "F"), count(6, "sex", "M"));
        assertThat(apply(new CellSuppression(2), rows, List.of("sex"), IndicatorUnit.COUNT)).containsExactly(
                count(2, "sex", "F"), count(6, "sex", "M"));
        assertThat(apply(new CellSuppression(7), rows, List.of("sex"), IndicatorUnit.COUNT)).containsExactly(
                suppressed(SMALL_CELL, "sex", "F"), suppressed(SMALL_CELL, "sex", "M"));
    }
}
