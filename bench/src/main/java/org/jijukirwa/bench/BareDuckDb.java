package org.jijukirwa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.duckdb.DuckDBConnection;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

/**
 * The same snapshot in a bare in-memory DuckDB, loaded the way the warehouse loads it (the layout's
 * tables copied into raw.*, then the warehouse's own model SQL files, read from its jar, in its order),
 * for running the requests' SQL without the API around it.
 */
public final class BareDuckDb
        implements AutoCloseable
{
    /** The warehouse's models in dependency order (as its ModelRunner lists them): staging views, then mart tables. */
    private static final List<String> MODELS = List.of(
            "staging/stg_cooperatives", "staging/stg_members", "staging/stg_trainings", "staging/stg_coaching_visits",
            "staging/stg_districts", "staging/stg_value_chains", "staging/stg_topics", "staging/stg_targets",
            "marts/dim_districts", "marts/dim_cooperatives", "marts/fct_memberships", "marts/fct_attendances", "marts/fct_coaching_visits");
    private static final List<Table> LOADED = List.of(Table.COOPERATIVES, Table.MEMBERS, Table.TRAININGS, Table.COACHING,
            Table.DISTRICTS, Table.VALUE_CHAINS, Table.TOPICS, Table.TARGETS);

    private final DuckDBConnection database;

    private BareDuckDb(DuckDBConnection database)
    {
        this.database = database;
    }

    public static BareDuckDb load(Path warehouse)
    {
        WarehouseDirectory directory = new WarehouseDirectory(warehouse);
        String id = directory.currentSnapshotId().orElseThrow(() -> new IllegalStateException("nothing published in " + warehouse));
        try {
            DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = database.createStatement()) {
                statement.execute("create schema raw");
                for (Table table : LOADED) {
                    String columns = table.columns().stream()
                            .map(column -> "cast(" + column.name() + " as " + column.duckdbType() + ") as " + column.name())
                            .collect(Collectors.joining(", "));
                    String files = directory.table(id, table).resolve("**").resolve("*.parquet").toString().replace("'", "''");
                    statement.execute("create table raw." + table.tableName() + " as select " + columns + " from read_parquet('" + files
                            + "', hive_partitioning = true, union_by_name = true)");
                }
                for (String model : MODELS) {
                    String name = model.substring(model.indexOf('/') + 1);
                    statement.execute("create " + (model.startsWith("staging/") ? "view " : "table ") + name + " as\n" + modelSql(model));
                }
            }
            return new BareDuckDb(database);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot load snapshot " + id + " into DuckDB: " + e.getMessage(), e);
        }
    }

    private static String modelSql(String model)
    {
        String resource = "/sql/" + model + ".sql";
        try (InputStream in = BareDuckDb.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath (the warehouse module's resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** A connection of its own for one thread. */
    public Connection connect()
            throws SQLException
    {
        return database.duplicate();
    }

    /** Runs one request's SQL and returns its rows, each as its numerator (the column the API also shows). */
    public static List<Object> run(Connection connection, DashboardRequests.Request request)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(request.sql())) {
            for (int index = 0; index < request.parameters().size(); index++) {
                statement.setObject(index + 1, request.parameters().get(index));
            }
            List<Object> numerators = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    numerators.add(result.getObject("numerator"));
                }
            }
            return numerators;
        }
    }

    @Override
    public void close()
            throws SQLException
    {
        database.close();
    }
}
