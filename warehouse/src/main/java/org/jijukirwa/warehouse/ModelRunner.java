package org.jijukirwa.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Builds the SQL models of one snapshot in dependency order: staging models
 * become views over the loaded tables, marts become tables.
 */
final class ModelRunner
{
    /** Every model, each after the models it reads. */
    static final List<String> MODELS = List.of(
            "staging/stg_cooperatives",
            "staging/stg_members",
            "staging/stg_trainings",
            "staging/stg_coaching_visits",
            "staging/stg_districts",
            "staging/stg_value_chains",
            "staging/stg_topics",
            "staging/stg_targets",
            "marts/dim_districts",
            "marts/dim_cooperatives",
            "marts/fct_memberships",
            "marts/fct_attendances",
            "marts/fct_coaching_visits");

    private ModelRunner()
    {
    }

    static void run(Connection connection)
            throws SQLException
    {
        for (String model : MODELS) {
            String name = model.substring(model.indexOf('/') + 1);
            String materialisation = model.startsWith("staging/") ? "view" : "table";
            try (Statement statement = connection.createStatement()) {
                statement.execute("create " + materialisation + " " + name + " as\n" + SqlResources.read(model));
            }
            catch (SQLException e) {
                throw new SQLException("model " + model + " failed: " + e.getMessage(), e);
            }
        }
    }
}
