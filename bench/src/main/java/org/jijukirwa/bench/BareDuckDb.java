package org.jijukirwa.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jijukirwa.warehouse.answer.ExplainedQuery;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.WarehouseSettings;

/**
 * The requests' own SQL run bare in DuckDB: the snapshot is loaded in this process exactly as the server
 * loads it (a {@link Warehouse}), each request's SQL comes from {@link Warehouse#explain}, and it runs on a
 * plain JDBC connection to that database, without validation, caching, suppression, JSON or HTTP.
 */
public final class BareDuckDb
        implements AutoCloseable
{
    private final Warehouse warehouse;
    private final Map<String, ExplainedQuery> queries;

    private BareDuckDb(Warehouse warehouse, Map<String, ExplainedQuery> queries)
    {
        this.warehouse = warehouse;
        this.queries = queries;
    }

    public static BareDuckDb load(Path warehouseDirectory, DashboardRequests requests)
    {
        Warehouse warehouse = Warehouse.open(warehouseDirectory, WarehouseSettings.defaults());
        try {
            Map<String, ExplainedQuery> queries = new LinkedHashMap<>();
            for (DashboardRequests.Request request : requests.requests()) {
                queries.put(request.name(), warehouse.explain(IndicatorQuery.parse(request.indicatorId(), request.parameters())));
            }
            return new BareDuckDb(warehouse, queries);
        }
        catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    /** A connection of its own for one thread. */
    public Connection connect()
    {
        return warehouse.connectToSnapshot();
    }

    /** Runs one request's SQL and returns its rows, each as its numerator (the column the API also shows). */
    public List<Object> run(Connection connection, DashboardRequests.Request request)
            throws SQLException
    {
        ExplainedQuery query = queries.get(request.name());
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int index = 0; index < query.parameters().size(); index++) {
                statement.setObject(index + 1, query.parameters().get(index));
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
    {
        warehouse.close();
    }
}
