package org.jijukirwa.warehouse.quarantine;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jijukirwa.warehouse.snapshot.SnapshotLoader;
import org.jijukirwa.warehouse.snapshot.SqlResources;

/**
 * Reads the quarantine straight from the snapshot's Parquet files for each request. It is never loaded into
 * the snapshot's database, so no model, indicator or export can reach its personal data.
 */
public final class QuarantineReader
{
    private QuarantineReader()
    {
    }

    public static QuarantinePage read(Connection connection, Path folder, String snapshotId, QuarantineQuery query)
            throws SQLException
    {
        if (!SnapshotLoader.hasParquetFiles(folder)) {
            return new QuarantinePage(snapshotId, query, 0, List.of(), List.of());
        }
        String files = SnapshotLoader.parquetFiles(folder);
        long total = 0;
        List<QuarantinePage.Count> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SqlResources.read("quarantine/quarantine_counts"))) {
            bindFilters(statement, files, query);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    total = resultSet.getLong("total");
                    String dataset = resultSet.getString("dataset");
                    if (dataset != null) {
                        counts.add(new QuarantinePage.Count(dataset, resultSet.getString("source_file"), resultSet.getString("reason"), resultSet.getLong("row_count")));
                    }
                }
            }
        }
        List<QuarantinePage.QuarantinedRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SqlResources.read("quarantine/quarantined_rows"))) {
            bindFilters(statement, files, query);
            statement.setInt(5, query.limit());
            statement.setInt(6, query.offset());
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(new QuarantinePage.QuarantinedRow(
                            resultSet.getString("dataset"),
                            resultSet.getString("source_file"),
                            resultSet.getLong("source_line"),
                            strings(resultSet.getArray("reasons")),
                            resultSet.getString("raw_text"),
                            values(resultSet.getObject("raw_values")),
                            resultSet.getBoolean("resolved")));
                }
            }
        }
        return new QuarantinePage(snapshotId, query, total, counts, rows);
    }

    private static void bindFilters(PreparedStatement statement, String files, QuarantineQuery query)
            throws SQLException
    {
        statement.setString(1, files);
        statement.setString(2, query.dataset().orElse(null));
        statement.setString(3, query.file().orElse(null));
        statement.setString(4, query.reason().orElse(null));
    }

    private static List<String> strings(Array array)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value));
        }
        return values;
    }

    private static Map<String, String> values(Object map)
    {
        Map<String, String> values = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> entries) {
            entries.forEach((column, value) -> values.put(String.valueOf(column), value == null ? null : String.valueOf(value)));
        }
        return values;
    }
}
