package org.jijukirwa.warehouse.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /**
     * The generic tests, each a template under {@code tests/} filled in for one staging model: {@code unique.sql} and
     * {@code not_null.sql} over a key's columns, {@code relationships.sql} over two models and the key column they share.
     */
    private static final Map<String, Generic> GENERIC = Map.ofEntries(
            unique("unique_cooperatives_cooperative_id", "stg_cooperatives", "cooperative_id"),
            unique("unique_members_member_id", "stg_members", "member_id"),
            // an empty member_id is its own value
            unique("unique_trainings_attendance", "stg_trainings", "session_id", "cooperative_id", "coalesce(member_id, '') as member_id"),
            unique("unique_coaching_visits_visit_id", "stg_coaching_visits", "visit_id"),
            unique("unique_districts_district_code", "stg_districts", "district_code"),
            unique("unique_value_chains_value_chain", "stg_value_chains", "value_chain"),
            unique("unique_topics_topic", "stg_topics", "topic"),
            unique("unique_targets_target_district", "stg_targets", "target", "district_code"),
            notNull("not_null_cooperatives_cooperative_id", "stg_cooperatives", "cooperative_id"),
            notNull("not_null_cooperatives_formed_on", "stg_cooperatives", "formed_on", "district_code", "value_chain"),
            notNull("not_null_members_member_id", "stg_members", "member_id", "cooperative_id"),
            notNull("not_null_trainings_attendance", "stg_trainings", "session_id", "cooperative_id", "held_on"),
            notNull("not_null_coaching_visits_visit_id", "stg_coaching_visits", "visit_id", "cooperative_id", "visited_on"),
            notNull("not_null_districts_district_code", "stg_districts", "district_code", "district", "province"),
            notNull("not_null_value_chains_value_chain", "stg_value_chains", "value_chain"),
            notNull("not_null_topics_topic", "stg_topics", "topic"),
            notNull("not_null_targets_target", "stg_targets", "target", "target_value"),
            relationship("relationships_members_cooperatives", "stg_members", "stg_cooperatives", "cooperative_id"),
            relationship("relationships_trainings_cooperatives", "stg_trainings", "stg_cooperatives", "cooperative_id"),
            relationship("relationships_coaching_visits_cooperatives", "stg_coaching_visits", "stg_cooperatives", "cooperative_id"),
            relationship("relationships_cooperatives_districts", "stg_cooperatives", "stg_districts", "district_code"),
            relationship("relationships_trainings_districts", "stg_trainings", "stg_districts", "district_code"),
            relationship("relationships_targets_districts", "stg_targets", "stg_districts", "district_code"),
            relationship("relationships_cooperatives_value_chains", "stg_cooperatives", "stg_value_chains", "value_chain"),
            relationship("relationships_trainings_topics", "stg_trainings", "stg_topics", "topic"));

    static final int SAMPLE_ROWS = 5;

    private DataTests()
    {
    }

    /** The SQL of a test: its own file, or a generic test filled in. */
    public static String sql(String test)
    {
        Generic generic = GENERIC.get(test);
        return generic == null ? SqlResources.read("tests/" + test) : generic.sql();
    }

    /** Every row of {@code model} has its own value of {@code columns} (SQL expressions from the fixed list above). */
    private static Map.Entry<String, Generic> unique(String test, String model, String... columns)
    {
        return Map.entry(test, new Generic("unique", Map.of(
                "{model}", model,
                "{columns}", String.join(", ", columns))));
    }

    /** No row of {@code model} lacks one of {@code columns}. */
    private static Map.Entry<String, Generic> notNull(String test, String model, String... columns)
    {
        return Map.entry(test, new Generic("not_null", Map.of(
                "{model}", model,
                "{columns}", String.join(", ", columns),
                "{any_column_is_null}", Arrays.stream(columns).map(column -> column + " is null").collect(Collectors.joining(" or ")))));
    }

    /** Every {@code child.column} names a row of {@code parent}. */
    private static Map.Entry<String, Generic> relationship(String test, String child, String parent, String column)
    {
        return Map.entry(test, new Generic("relationships", Map.of(
                "{child}", child,
                "{parent}", parent,
                "{column}", column)));
    }

    /** A template under {@code tests/} and what fills its placeholders in; identifiers only from the fixed list above. */
    private record Generic(String template, Map<String, String> fills)
    {
        String sql()
        {
            String sql = SqlResources.read("tests/" + template);
            for (Map.Entry<String, String> fill : fills.entrySet()) {
                sql = sql.replace(fill.getKey(), fill.getValue());
            }
            return sql;
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
