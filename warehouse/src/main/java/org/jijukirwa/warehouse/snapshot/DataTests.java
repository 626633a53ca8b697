package org.jijukirwa.warehouse.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL data tests under {@code /sql/tests/}: each returns the rows that break it, none when it holds. */
public final class DataTests
{
    public static final List<String> TESTS = List.of(
            "unique_cooperatives_cooperative_id",
            "unique_members_member_id",
            "unique_trainings_attendance",
            "unique_coaching_visits_visit_id",
            "unique_districts_district_code",
            "unique_value_chains_value_chain",
            "unique_topics_topic",
            "unique_targets_target_district",
            "not_null_cooperatives_cooperative_id",
            "not_null_cooperatives_formed_on",
            "not_null_members_member_id",
            "not_null_trainings_attendance",
            "not_null_coaching_visits_visit_id",
            "not_null_districts_district_code",
            "not_null_value_chains_value_chain",
            "not_null_topics_topic",
            "not_null_targets_target",
            "relationships_members_cooperatives",
            "relationships_trainings_cooperatives",
            "relationships_coaching_visits_cooperatives",
            "relationships_cooperatives_districts",
            "relationships_trainings_districts",
            "relationships_targets_districts",
            "relationships_cooperatives_value_chains",
            "relationships_trainings_topics",
            "registered_on_not_before_formed_on",
            "left_on_not_before_joined_on",
            "registered_not_more_than_formed_per_district");

    /** The relationships tests, each the generic {@code tests/relationships.sql} over two staging models and the key column they share. */
    private static final Map<String, Relationship> RELATIONSHIPS = Map.of(
            "relationships_members_cooperatives", new Relationship("stg_members", "stg_cooperatives", "cooperative_id"),
            "relationships_trainings_cooperatives", new Relationship("stg_trainings", "stg_cooperatives", "cooperative_id"),
            "relationships_coaching_visits_cooperatives", new Relationship("stg_coaching_visits", "stg_cooperatives", "cooperative_id"),
            "relationships_cooperatives_districts", new Relationship("stg_cooperatives", "stg_districts", "district_code"),
            "relationships_trainings_districts", new Relationship("stg_trainings", "stg_districts", "district_code"),
            "relationships_targets_districts", new Relationship("stg_targets", "stg_districts", "district_code"),
            "relationships_cooperatives_value_chains", new Relationship("stg_cooperatives", "stg_value_chains", "value_chain"),
            "relationships_trainings_topics", new Relationship("stg_trainings", "stg_topics", "topic"));

    static final int SAMPLE_ROWS = 5;

    private DataTests()
    {
    }

    /** The SQL of a test: its own file, or the generic relationships test filled in. */
    public static String sql(String test)
    {
        Relationship relationship = RELATIONSHIPS.get(test);
        return relationship == null ? SqlResources.read("tests/" + test) : relationship.sql();
    }

    /** Every {@code child.column} names a row of {@code parent}; identifiers only from the fixed list above. */
    private record Relationship(String child, String parent, String column)
    {
        String sql()
        {
            return SqlResources.read("tests/relationships")
                    .replace("{child}", child)
                    .replace("{parent}", parent)
                    .replace("{column}", column);
        }
    }

    /** Runs every test on a loaded snapshot's database; one failure per test that found rows, in the order of {@link #TESTS}. */
    public static List<DataTestFailure> failures(Connection connection)
            throws SQLException
    {
        List<DataTestFailure> failures = new ArrayList<>();
        for (String test : TESTS) {
            long violatingRows;
            try (Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("select count(*) from (\n" + sql(test) + "\n)")) {
                resultSet.next();
                violatingRows = resultSet.getLong(1);
            }
            if (violatingRows > 0) {
                failures.add(new DataTestFailure(test, violatingRows, sample(connection, test)));
            }
        }
        return failures;
    }

    private static List<Map<String, String>> sample(Connection connection, String test)
            throws SQLException
    {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select * from (\n" + sql(test) + "\n) limit " + SAMPLE_ROWS)) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            while (resultSet.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    row.put(metaData.getColumnLabel(column), resultSet.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
