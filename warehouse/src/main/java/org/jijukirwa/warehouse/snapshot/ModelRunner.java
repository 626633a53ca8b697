package org.jijukirwa.warehouse.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the SQL models of one snapshot in dependency order. Staging models and the row-level marts are
 * views over the snapshot's Parquet files (read while the aggregates build and by the data tests); the
 * dimensions and the aggregates the indicators read are tables, so answering never scans the files.
 */
final class ModelRunner
{
    enum Materialisation
    {
        VIEW, TABLE
    }

    /** A model; {@code buildOnly} when only the models after it read it: dropped once every model is built. */
    record Model(String path, Materialisation materialisation, boolean buildOnly)
    {
        String name()
        {
            return path.substring(path.indexOf('/') + 1);
        }
    }

    /** Every model, each after the models it reads. */
    static final List<Model> MODELS = List.of(
            view("staging/stg_cooperatives"),
            view("staging/stg_members"),
            view("staging/stg_trainings"),
            view("staging/stg_coaching_visits"),
            view("staging/stg_districts"),
            view("staging/stg_value_chains"),
            view("staging/stg_topics"),
            view("staging/stg_targets"),
            table("marts/dim_districts"),
            table("marts/dim_cooperatives"),
            view("marts/fct_memberships"),
            view("marts/fct_attendances"),
            view("marts/fct_coaching_visits"),
            table("aggregates/agg_places"),
            buildTable("aggregates/int_memberships"),
            buildTable("aggregates/int_shared_identities"),
            table("aggregates/agg_shared_memberships"),
            table("aggregates/agg_membership_horizon"),
            buildView("aggregates/int_membership_spans"),
            table("aggregates/agg_membership_changes"),
            table("aggregates/agg_membership_states"),
            table("aggregates/agg_membership_lasting"),
            table("aggregates/agg_sessions"),
            table("aggregates/agg_attendances"),
            table("aggregates/agg_coaching_visits"));

    private ModelRunner()
    {
    }

    /** The macros the models and the facts share, created before any model. */
    static final List<String> MACROS = List.of("macros/age_bands", "macros/quarantine");

    /** Builds every model; returns the seconds each took, in build order. */
    static Map<String, Double> run(Connection connection)
            throws SQLException
    {
        createMacros(connection);
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Model model : MODELS) {
            long started = System.nanoTime();
            execute(connection, model.path(), "create " + kind(model) + " " + model.name() + " as\n" + SqlResources.read(model.path()));
            seconds.put(model.name(), (System.nanoTime() - started) / 1e9);
        }
        for (int index = MODELS.size() - 1; index >= 0; index--) {
            Model model = MODELS.get(index);
            if (model.buildOnly()) {
                execute(connection, model.path(), "drop " + kind(model) + " " + model.name());
            }
        }
        return seconds;
    }

    /** Defines the macros in a database (the models use them, and so do the indicators' queries). */
    static void createMacros(Connection connection)
            throws SQLException
    {
        for (String macros : MACROS) {
            // one statement per ';' at a line end
            for (String statement : SqlResources.read(macros).split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    execute(connection, macros, statement);
                }
            }
        }
    }

    private static String kind(Model model)
    {
        return model.materialisation() == Materialisation.VIEW ? "view" : "table";
    }

    private static void execute(Connection connection, String path, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new SQLException(path + " failed: " + e.getMessage(), e);
        }
    }

    private static Model view(String path)
    {
        return new Model(path, Materialisation.VIEW, false);
    }

    private static Model table(String path)
    {
        return new Model(path, Materialisation.TABLE, false);
    }

    private static Model buildView(String path)
    {
        return new Model(path, Materialisation.VIEW, true);
    }

    private static Model buildTable(String path)
    {
        return new Model(path, Materialisation.TABLE, true);
    }
}
