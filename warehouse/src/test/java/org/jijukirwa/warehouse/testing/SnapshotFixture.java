package org.jijukirwa.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

/**
 * Writes a snapshot as the ingest would, without Spark: one Parquet file per layout table with exactly
 * the layout's columns and types (written by DuckDB's COPY), a manifest and a run report, published
 * through {@link WarehouseDirectory}. Dates are given as yyyy-MM-dd text, null for none.
 */
public final class SnapshotFixture
{
    // snapshot ids sort by start time: give each published fixture a later one
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Instant BASE = Instant.parse("2020-07-01T00:00:00Z");

    private final WarehouseDirectory directory;
    private final Map<Table, List<Map<String, Object>>> rows = new EnumMap<>(Table.class);
    private LocalDate asOf = LocalDate.parse("2020-06-30");

    private SnapshotFixture(Path warehouseRoot)
    {
        this.directory = new WarehouseDirectory(warehouseRoot);
        for (Table table : Table.values()) {
            rows.put(table, new ArrayList<>());
        }
    }

    public static SnapshotFixture in(Path warehouseRoot)
    {
        return new SnapshotFixture(warehouseRoot);
    }

    public SnapshotFixture asOf(String date)
    {
        this.asOf = LocalDate.parse(date);
        return this;
    }

    /** A row of any table: column name -> value; columns left out are null. */
    public SnapshotFixture row(Table table, Map<String, Object> values)
    {
        for (String column : values.keySet()) {
            if (!table.columnNames().contains(column)) {
                throw new IllegalArgumentException(table.tableName() + " has no column " + column);
            }
        }
        rows.get(table).add(new HashMap<>(values));
        return this;
    }

    public SnapshotFixture district(String code, String district, String provinceCode, String province)
    {
        return row(Table.DISTRICTS, Map.of("district_code", code, "district", district, "province_code", provinceCode, "province", province));
    }

    public SnapshotFixture valueChain(String code, String label)
    {
        return row(Table.VALUE_CHAINS, Map.of("value_chain", code, "label", label));
    }

    public SnapshotFixture topic(String code, String label)
    {
        return row(Table.TOPICS, Map.of("topic", code, "label", label));
    }

    /** A target; a null district is a programme-wide one. */
    public SnapshotFixture target(String target, String districtCode, double value)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("target", target);
        values.put("district_code", districtCode);
        values.put("value", value);
        return row(Table.TARGETS, values);
    }

    public SnapshotFixture cooperative(String id, String districtCode, String valueChain, String formedOn, String registeredOn,
            String bdcLinkedOn, String unionAffiliatedOn)
    {
        Map<String, Object> values = provenance();
        values.put("cooperative_id", id);
        values.put("cooperative_name", "Cooperative " + id);
        values.put("district_code", districtCode);
        values.put("value_chain", valueChain);
        values.put("formed_on", date(formedOn));
        values.put("registered_on", date(registeredOn));
        values.put("bdc_linked_on", date(bdcLinkedOn));
        values.put("union_affiliated_on", date(unionAffiliatedOn));
        return row(Table.COOPERATIVES, values);
    }

    public SnapshotFixture member(String id, String cooperativeId, String personKey, String sex, Integer birthYear, String joinedOn, String leftOn)
    {
        Map<String, Object> values = provenance();
        values.put("member_id", id);
        values.put("cooperative_id", cooperativeId);
        values.put("person_key", personKey);
        values.put("sex", sex);
        values.put("birth_year", birthYear);
        values.put("has_disability", false);
        values.put("joined_on", date(joinedOn));
        values.put("left_on", date(leftOn));
        return row(Table.MEMBERS, values);
    }

    public SnapshotFixture attendance(String sessionId, String heldOn, String districtCode, String topic, String cooperativeId, String memberId)
    {
        Map<String, Object> values = provenance();
        values.put("session_id", sessionId);
        values.put("held_on", date(heldOn));
        values.put("district_code", districtCode);
        values.put("topic", topic);
        values.put("cooperative_id", cooperativeId);
        values.put("member_id", memberId);
        values.put("attendee_role", memberId == null ? "representative" : "member");
        return row(Table.TRAININGS, values);
    }

    public SnapshotFixture visit(String visitId, String cooperativeId, String visitedOn)
    {
        Map<String, Object> values = provenance();
        values.put("visit_id", visitId);
        values.put("cooperative_id", cooperativeId);
        values.put("visited_on", date(visitedOn));
        values.put("topics", "[governance, osh]");
        values.put("maturity_score", 50);
        return row(Table.COACHING, values);
    }

    /**
     * A rejected row. {@code rawValues} is DuckDB's map literal ({@code {district='Gasabo', phone='0788'}}) and
     * {@code reasons} its list literal ({@code [unknown_district, 'invalid_date:formed_on']}).
     */
    public SnapshotFixture quarantined(String dataset, String sourceFile, long sourceLine, String rawText, String rawValues, String reasons)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("dataset", dataset);
        values.put("source_file", sourceFile);
        values.put("source_line", sourceLine);
        values.put("raw_text", rawText);
        values.put("raw_values", rawValues);
        values.put("reasons", reasons);
        values.put("ingest_run", "fixture");
        return row(Table.QUARANTINE, values);
    }

    /** Writes, publishes and returns the new snapshot's id. */
    public String publish()
    {
        Instant startedAt = BASE.plusSeconds(SEQUENCE.incrementAndGet());
        String id = WarehouseDirectory.newSnapshotId(startedAt);
        Path staging = directory.staging(id);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                writeTable(connection, table, staging.resolve(table.tableName()));
            }
            Files.writeString(staging.resolve(WarehouseDirectory.MANIFEST_FILE), """
                    {"id": "%s", "as_of": "%s", "started_at": "%s", "finished_at": "%s", "layout_version": %d}
                    """.formatted(id, asOf, startedAt, startedAt.plusSeconds(1), WarehouseDirectory.LAYOUT_VERSION), StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(WarehouseDirectory.RUN_REPORT_FILE), """
                    {"run": "%s", "as_of": "%s", "datasets": {"cooperatives": {"rows_read": %d}}}
                    """.formatted(id, asOf, rows.get(Table.COOPERATIVES).size()), StandardCharsets.UTF_8);
            directory.publish(id);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot write the fixture snapshot", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private void writeTable(Connection connection, Table table, Path folder)
            throws SQLException, IOException
    {
        Files.createDirectories(folder);
        String name = "fixture_" + table.tableName();
        List<Table.Column> columns = table.columns();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace table " + name + " ("
                    + columns.stream().map(column -> column.name() + " " + column.duckdbType()).collect(Collectors.joining(", ")) + ")");
        }
        String insert = "insert into " + name + " values ("
                + columns.stream().map(column -> "?::" + column.duckdbType()).collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Map<String, Object> row : rows.get(table)) {
                for (int index = 0; index < columns.size(); index++) {
                    Object value = row.get(columns.get(index).name());
                    statement.setObject(index + 1, value);
                }
                statement.execute();
            }
        }
        try (Statement statement = connection.createStatement()) {
            String path = folder.resolve("part-0.parquet").toString().replace("'", "''");
            statement.execute("copy " + name + " to '" + path + "' (format parquet)");
        }
    }

    private static Map<String, Object> provenance()
    {
        Map<String, Object> values = new HashMap<>();
        values.put("updated_at", "2020-06-01T08:00:00Z");
        values.put("source_file", "fixture.csv");
        values.put("source_line", 1L);
        values.put("ingest_run", "fixture");
        return values;
    }

    private static LocalDate date(String text)
    {
        return text == null ? null : LocalDate.parse(text);
    }
}
