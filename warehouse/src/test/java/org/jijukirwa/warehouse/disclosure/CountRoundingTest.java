package org.jijukirwa.warehouse.disclosure;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rounding macro in a real in-memory DuckDB; each key below is a cell key as the query stage will write them. */
class CountRoundingTest
{
    private static final String SECRET = "test-disclosure-secret";

    private DuckDBConnection database;

    @BeforeEach
    void openDatabase()
            throws SQLException
    {
        database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        new CountRounding(SECRET).install(database);
    }

    @AfterEach
    void closeDatabase()
            throws SQLException
    {
        database.close();
    }

    @Test
    void zeroStaysZeroAndMultiplesOfTheBaseStayAsTheyAre()
            throws SQLException
    {
        for (int base : new int[] {3, 5}) {
            for (long value : new long[] {0, base, 2L * base, 7L * base, 100L * base}) {
                assertThat(roundedOverKeys(database, value, base, 500)).as("%d in base %d", value, base).containsOnly(value);
            }
        }
    }

    @Test
    void everyOutputIsAMultipleOfTheBaseWithinOneBaseOfTheValue()
            throws SQLException
    {
        for (int base : new int[] {3, 5}) {
            for (long value = 0; value <= 40; value++) {
                List<Long> outputs = roundedOverKeys(database, value, base, 200);
                for (long output : outputs) {
                    assertThat(output % base).as("%d in base %d gave %d", value, base, output).isZero();
                    assertThat(output).as("%d in base %d", value, base).isGreaterThan(value - base).isLessThan(value + base);
                }
                if (value % base != 0) {
                    // both neighbours occur: the rounding is random, not always down or always up
                    assertThat(outputs).as("%d in base %d", value, base).contains(value - value % base, value - value % base + base);
                }
            }
        }
    }

    @Test
    void oneRoundsToZeroOrTheBaseAndNeverStaysOne()
            throws SQLException
    {
        assertThat(roundedOverKeys(database, 1, 5, 1000)).containsOnly(0L, 5L).contains(0L, 5L);
        assertThat(roundedOverKeys(database, 4, 5, 1000)).containsOnly(0L, 5L).contains(0L, 5L);
    }

    @Test
    void theSameCellWithTheSameValueAlwaysGivesTheSameOutput()
            throws SQLException
    {
        List<Long> first = roundedOverKeys(database, 2, 5, 2000);
        assertThat(roundedOverKeys(database, 2, 5, 2000)).isEqualTo(first);
        // another database with the same secret (the next snapshot, another server) draws the same
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
            new CountRounding(SECRET).install(other);
            assertThat(roundedOverKeys(other, 2, 5, 2000)).isEqualTo(first);
        }
        // and a duplicate connection of the same database sees the macros
        try (Connection duplicate = database.duplicate()) {
            assertThat(roundedOverKeys(duplicate, 2, 5, 2000)).isEqualTo(first);
        }
    }

    @Test
    void anotherSecretGivesOtherDraws()
            throws SQLException
    {
        List<Long> first = roundedOverKeys(database, 2, 5, 2000);
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
            new CountRounding("another-secret").install(other);
            List<Long> second = roundedOverKeys(other, 2, 5, 2000);
            int differing = 0;
            for (int i = 0; i < first.size(); i++) {
                differing += first.get(i).equals(second.get(i)) ? 0 : 1;
            }
            // independent draws differ with probability 2 * 0.4 * 0.6 = 0.48: about 960 of 2000 (sd 22)
            assertThat(differing).isBetween(860, 1060);
        }
    }

    @Test
    void theDrawDependsOnTheValueNotOnlyOnTheCell()
            throws SQLException
    {
        // same cells, values 1 and 6 (same remainder): if the draw ignored the value, 6 would round up exactly where 1 does
        List<Long> ones = roundedOverKeys(database, 1, 5, 2000);
        List<Long> sixes = roundedOverKeys(database, 6, 5, 2000);
        int sameDirection = 0;
        for (int i = 0; i < ones.size(); i++) {
            sameDirection += (ones.get(i) == 5) == (sixes.get(i) == 10) ? 1 : 0;
        }
        // independent: P(same) = 0.2^2 + 0.8^2 = 0.68, about 1360 of 2000 (sd 21); the same draw would give 2000
        assertThat(sameDirection).isBetween(1260, 1460);
    }

    @Test
    void theMeanOverManyCellsIsTheExactValue()
            throws SQLException
    {
        // 10,000 fixed keys, so the test is deterministic. For an ideal uniform draw, 2 in base 5 gives 5 with
        // probability 0.4: the mean has sd 5 * sqrt(0.4 * 0.6 / 10000) = 0.0245; the tolerance 0.1 is 4 sd (a correct
        // rounding fails it for a fixed set of keys with probability 6e-5), while always rounding down gives 0 and
        // rounding to the nearest gives 0: both far outside.
        assertThat(mean(roundedOverKeys(database, 2, 5, 10_000))).isCloseTo(2.0, within(0.1));
        // 1 in base 3: sd 3 * sqrt(1/3 * 2/3 / 10000) = 0.0141; 4 sd = 0.057
        assertThat(mean(roundedOverKeys(database, 1, 3, 10_000))).isCloseTo(1.0, within(0.057));
        // 13 in base 5: 15 with probability 0.6, sd 0.0245 again
        assertThat(mean(roundedOverKeys(database, 13, 5, 10_000))).isCloseTo(13.0, within(0.1));
    }

    @Test
    void theMacroComputesTheDocumentedFormula()
            throws SQLException, NoSuchAlgorithmException
    {
        // u = first 13 hex digits of md5(secret|key|value) / 2^52, computed here in Java, independently of DuckDB
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (int i = 0; i < 300; i++) {
            String key = key(i);
            long value = i % 23;
            int base = i % 2 == 0 ? 5 : 3;
            String hex = String.format("%032x", new BigInteger(1, md5.digest((SECRET + "|" + key + "|" + value).getBytes(StandardCharsets.UTF_8))));
            double u = Long.parseLong(hex.substring(0, 13), 16) / Math.pow(2, 52);
            long remainder = value % base;
            long expected = remainder == 0 ? value : value - remainder + (u < (double) remainder / base ? base : 0);
            assertThat(rounded(database, value, base, key)).as("key %s value %d base %d u %f", key, value, base, u).isEqualTo(expected);
        }
    }

    @Test
    void aNullCountStaysNull()
            throws SQLException
    {
        try (Statement statement = database.createStatement();
                ResultSet result = statement.executeQuery("select protected_count(cast(null as bigint), 5, 'members|registered')")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getObject(1)).isNull();
        }
    }

    @Test
    void aSecretWithQuotesIsTakenLiterally()
            throws SQLException
    {
        String secret = "it's'; drop table x; --";
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
            new CountRounding(secret).install(other);
            try (Statement statement = other.createStatement(); ResultSet result = statement.executeQuery("select disclosure_secret()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(secret);
            }
        }
    }

    @Test
    void aBlankSecretIsRefused()
    {
        assertThatThrownBy(() -> new CountRounding(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void cellKeysNameDimensionsInOrderAndCarryNoDate()
    {
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put("sex", "F");
        coordinates.put("district", "Bugesera");
        coordinates.put("age_band", "16-30");
        assertThat(CountRounding.cellKey("members", "registered", coordinates)).isEqualTo("members|registered|age_band=16-30|district=Bugesera|sex=F");

        Map<String, List<String>> constraints = new LinkedHashMap<>();
        constraints.put("sex", List.of("M", "F"));
        constraints.put("district", List.of("Huye"));
        assertThat(CountRounding.constrainedCellKey("persons", "reached", constraints)).isEqualTo("persons|reached|district=Huye|sex=F,M");
    }

    private static String key(int i)
    {
        return CountRounding.cellKey("members", "registered", Map.of("district", "district-" + (i % 30), "value_chain", "vc-" + i));
    }

    /** The rounding of {@code value} in {@code base} over the cells key(0) .. key(count - 1), in that order. */
    private static List<Long> roundedOverKeys(Connection connection, long value, int base, int count)
            throws SQLException
    {
        // the same text as key(i), built in SQL so that 10,000 cells are one query
        String sql = "select protected_count(cast(? as bigint), ?, 'members|registered|district=district-' || (i % 30) || '|value_chain=vc-' || i) "
                + "from range(?) cells(i) order by i";
        List<Long> outputs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            statement.setInt(2, base);
            statement.setInt(3, count);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    outputs.add(result.getLong(1));
                }
            }
        }
        assertThat(outputs).hasSize(count);
        assertThat(rounded(connection, value, base, key(count - 1))).as("SQL keys match key(i)").isEqualTo(outputs.get(count - 1));
        return outputs;
    }

    @Test
    void theSqlKeyOfARowIsTheKeyJavaWrites()
            throws SQLException
    {
        String sql = CountRounding.cellKeySql("membership_stock", "registered", List.of("sex", "district", "has_birth_year", "held_on"));
        try (Statement statement = database.createStatement();
                ResultSet result = statement.executeQuery("select " + sql + " from (select 'Gasabo' as district, null::varchar as sex, "
                        + "true as has_birth_year, date '2020-06-30' as held_on)")) {
            assertThat(result.next()).isTrue();
            // dimensions in name order, a null as the empty string, values as text
            Map<String, String> coordinates = new HashMap<>();
            coordinates.put("district", "Gasabo");
            coordinates.put("sex", null);
            coordinates.put("has_birth_year", "true");
            coordinates.put("held_on", "2020-06-30");
            assertThat(result.getString(1))
                    .isEqualTo(CountRounding.cellKey("membership_stock", "registered", coordinates))
                    .isEqualTo("membership_stock|registered|district=Gasabo|has_birth_year=true|held_on=2020-06-30|sex=");
        }
        assertThatThrownBy(() -> CountRounding.cellKeySql("f", "m", List.of("sex; drop table x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long rounded(Connection connection, long value, int base, String key)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("select protected_count(cast(? as bigint), ?, ?)")) {
            statement.setLong(1, value);
            statement.setInt(2, base);
            statement.setString(3, key);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getLong(1);
            }
        }
    }

    private static double mean(List<Long> values)
    {
        return values.stream().mapToLong(Long::longValue).average().orElseThrow();
    }
}
