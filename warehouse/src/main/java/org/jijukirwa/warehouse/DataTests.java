package org.jijukirwa.warehouse;

import java.util.List;

/** The SQL data tests under {@code /sql/tests/}: each returns the rows that break it, none when it holds. */
final class DataTests
{
    static final List<String> TESTS = List.of(
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

    private DataTests()
    {
    }

    static String sql(String test)
    {
        return SqlResources.read("tests/" + test);
    }
}
