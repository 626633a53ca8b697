package org.jijukirwa.dashboard.disclosure;

import org.jijukirwa.warehouse.disclosure.CountRounding;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the rule would cost in accuracy on real data: the members' base cells of one date (from the manager's exact
 * finest table), rounded by the real macro, summed into the national total and the district totals as the public
 * would see them, against the exact totals. A measurement printed by the attack test, not a check.
 */
public final class RoundingCost
{
    private RoundingCost()
    {
    }

    public record Cost(int base, long exactTotal, long protectedTotal, double totalErrorStandardDeviation, int baseCells, int baseCellsMoved,
            long largestDistrictError, String largestDistrict, double meanAbsoluteDistrictError)
    {
        public String summary()
        {
            return "with the rule (base " + base + ", a test secret): members as of the snapshot date " + protectedTotal + " for " + exactTotal
                    + " exactly (" + String.format("%+.2f%%", 100.0 * (protectedTotal - exactTotal) / exactTotal) + ", the rounding error's standard deviation "
                    + String.format("%.0f", totalErrorStandardDeviation) + "); " + baseCellsMoved + " of "
                    + baseCells + " non-empty base cells moved; district totals off by " + String.format("%.1f", meanAbsoluteDistrictError)
                    + " on average, at most " + largestDistrictError + " (" + largestDistrict + ")";
        }
    }

    /** @param truth the exact finest cells, as {@link PublicSurfaceAttack.Report#truth()} holds them */
    public static Cost members(Map<String, Long> truth, String date, int base, String secret)
    {
        // m|date|district|value_chain|sex|age_band|A or R -> active and registered per cell
        Map<String, long[]> cells = new HashMap<>();
        truth.forEach((cell, value) -> {
            String[] parts = cell.split("\\|", -1);
            if (parts[0].equals("m") && parts[1].equals(date)) {
                String coordinates = String.join("|", parts[2], parts[3], parts[4], parts[5]);
                cells.computeIfAbsent(coordinates, ignored -> new long[2])[parts[6].equals(CellGrid.ACTIVE) ? 0 : 1] = value;
            }
        });
        try (Connection database = DriverManager.getConnection("jdbc:duckdb:")) {
            new CountRounding(secret).install(database);
            try (Statement statement = database.createStatement()) {
                statement.execute("create table base_cells (district varchar, cell_key varchar, exact_count bigint)");
            }
            try (PreparedStatement insert = database.prepareStatement("insert into base_cells values (?, ?, ?)")) {
                for (Map.Entry<String, long[]> entry : cells.entrySet()) {
                    String[] parts = entry.getKey().split("\\|", -1);
                    Map<String, String> coordinates = Map.of("district", parts[0], "value_chain", parts[1], "sex", parts[2], "age_band", parts[3]);
                    long registered = entry.getValue()[1];
                    long unregistered = entry.getValue()[0] - registered;
                    for (Object[] measure : new Object[][] {{"registered", registered}, {"unregistered", unregistered}}) {
                        if ((long) measure[1] > 0) {
                            insert.setString(1, parts[0]);
                            insert.setString(2, CountRounding.cellKey("members", (String) measure[0], coordinates));
                            insert.setLong(3, (long) measure[1]);
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            String sql = """
                    with rounded as (
                        select district, exact_count, protected_count(exact_count, ?, cell_key) as protected_count from base_cells
                    ),
                    districts as (
                        select district, sum(exact_count) as exact_total, sum(protected_count) as protected_total,
                            count(*) as cells, count(*) filter (where protected_count <> exact_count) as moved,
                            -- a cell of remainder r rounds up with probability p = r / b: its error's variance is b^2 p (1 - p)
                            sum(((exact_count % ?) / ?) * (1 - (exact_count % ?) / ?)) * ? * ? as error_variance
                        from rounded group by district
                    )
                    select district, exact_total, protected_total, cells, moved, error_variance from districts order by abs(protected_total - exact_total) desc, district
                    """;
            try (PreparedStatement query = database.prepareStatement(sql)) {
                for (int parameter = 1; parameter <= 7; parameter++) {
                    query.setInt(parameter, base);
                }
                try (ResultSet result = query.executeQuery()) {
                    long exactTotal = 0;
                    long protectedTotal = 0;
                    int baseCells = 0;
                    int moved = 0;
                    long largest = -1;
                    String largestDistrict = "";
                    long absoluteErrors = 0;
                    int districts = 0;
                    double variance = 0;
                    while (result.next()) {
                        variance += result.getDouble(6);
                        long error = Math.abs(result.getLong(3) - result.getLong(2));
                        if (largest < 0) {
                            largest = error;
                            largestDistrict = result.getString(1);
                        }
                        exactTotal += result.getLong(2);
                        protectedTotal += result.getLong(3);
                        baseCells += result.getInt(4);
                        moved += result.getInt(5);
                        absoluteErrors += error;
                        districts++;
                    }
                    return new Cost(base, exactTotal, protectedTotal, Math.sqrt(variance), baseCells, moved, largest, largestDistrict,
                            districts == 0 ? 0 : (double) absoluteErrors / districts);
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot measure the rounding", e);
        }
    }
}
