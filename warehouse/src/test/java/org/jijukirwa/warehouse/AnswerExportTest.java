package org.jijukirwa.warehouse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.warehouse.answer.AnswerCursor;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.export.AnswerCsvWriter;
import org.jijukirwa.warehouse.export.DataPackage;
import org.jijukirwa.warehouse.export.ExportNames;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.jijukirwa.warehouse.testing.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.answer.Audience.MANAGER;
import static org.jijukirwa.warehouse.answer.Audience.PUBLIC;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.parameters;
import static org.jijukirwa.warehouse.testing.Rows.rate;

/** Streamed answers, Parquet and CSV files read back by DuckDB, and the data package that describes them. */
class AnswerExportTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();
    @TempDir
    static Path files;

    @Test
    void aCursorStreamsTheSameRowsAsTheAnswer()
    {
        // as of 2020-06-30 Kigali City has M1, M3, M4, M5 (F, U, F, F); Southern M6, M7, M8 (M, F, M)
        IndicatorQuery query = query("members_active", "by=province,sex");
        List<AnswerRow> streamed = new ArrayList<>();
        try (AnswerCursor cursor = programme.warehouse().openAnswer(query, MANAGER, programme.warehouse().deadline())) {
            cursor.forEachRemaining(streamed::add);
            assertThat(cursor.heading().suppressionApplied()).isFalse();
        }
        assertThat(streamed).containsExactly(
                count(3, "province", "Kigali City", "sex", "F"),
                count(1, "province", "Kigali City", "sex", "U"),
                count(1, "province", "Southern", "sex", "F"),
                count(2, "province", "Southern", "sex", "M"));
        assertThat(streamed).isEqualTo(programme.warehouse().answer(query, MANAGER).rows());
    }

    @Test
    void parquetHasTypedColumnsAndTheRowsOfTheAnswer()
            throws Exception
    {
        IndicatorQuery query = query("members_active", "by=province,sex");
        Path file = files.resolve("members.parquet");
        AnswerHeading heading = programme.warehouse().writeParquet(query, PUBLIC, file, programme.warehouse().deadline());

        assertThat(heading.suppressionApplied()).isTrue();
        assertThat(columnTypes(file)).containsExactly(
                Map.entry("province", "VARCHAR"), Map.entry("sex", "VARCHAR"), Map.entry("numerator", "BIGINT"),
                Map.entry("denominator", "BIGINT"), Map.entry("value", "DOUBLE"), Map.entry("suppressed", "BOOLEAN"),
                Map.entry("suppression", "VARCHAR"));
        // the public's protected counts: multiples of 5, the same rows as the answer, nothing suppressed
        List<AnswerRow> rows = readBack("read_parquet('" + file + "')", heading);
        assertThat(rows).isEqualTo(programme.warehouse().answer(query, PUBLIC).rows());
        assertThat(rows).allSatisfy(row -> assertThat(row.numerator().longValue() % 5).isZero());
        assertThat(rows).allSatisfy(row -> assertThat(row.numerator().longValue()).isPositive());
    }

    @Test
    void parquetOfARateAgainstATargetHasADoubleDenominator()
            throws Exception
    {
        // coops formed by 2020-06-30 over the district targets: Gasabo 2/3, Huye 2/2, Nyanza 1/2, Nyarugenge 1/2, Karongi 0/1
        IndicatorQuery query = query("formation_target_attainment", "by=district");
        Path file = files.resolve("targets.parquet");
        AnswerHeading heading = programme.warehouse().writeParquet(query, PUBLIC, file, programme.warehouse().deadline());

        assertThat(columnTypes(file)).containsEntry("denominator", "DOUBLE").containsEntry("numerator", "BIGINT");
        assertThat(readBack("read_parquet('" + file + "')", heading)).containsExactly(
                rate(2, 3, "district", "Gasabo"),
                rate(2, 2, "district", "Huye"),
                rate(0, 1, "district", "Karongi"),
                rate(1, 2, "district", "Nyanza"),
                rate(1, 2, "district", "Nyarugenge"));
    }

    @Test
    void theDataPackageDescribesExactlyTheColumnsAndTypesOfTheCsv()
            throws Exception
    {
        IndicatorQuery query = query("attendances", "by=province&grain=year&from=2019-01-01&to=2020-06-30");
        Path csv = files.resolve("attendances.csv");
        AnswerHeading heading;
        try (AnswerCursor cursor = programme.warehouse().openAnswer(query, PUBLIC, programme.warehouse().deadline());
                Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            heading = cursor.heading();
            AnswerCsvWriter csvWriter = new AnswerCsvWriter(writer, heading);
            csvWriter.writeHeader();
            while (cursor.hasNext()) {
                csvWriter.writeRow(cursor.next());
            }
        }
        JsonNode descriptor = DataPackage.describe(heading, "attendances.csv",
                new DataPackage.Licence("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
                new DataPackage.Producer("Programme team", Optional.empty(), Optional.empty()), Instant.parse("2020-07-02T00:00:00Z"))
                .descriptor();

        JsonNode schema = descriptor.at("/resources/0/schema");
        Map<String, String> fields = new LinkedHashMap<>();
        schema.get("fields").forEach(field -> fields.put(field.get("name").asText(), field.get("type").asText()));
        assertThat(fields).containsExactly(
                Map.entry("period", "string"), Map.entry("province", "string"), Map.entry("numerator", "integer"),
                Map.entry("denominator", "integer"), Map.entry("value", "number"), Map.entry("suppressed", "boolean"),
                Map.entry("suppression", "string"));
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(String.join(",", fields.keySet()));
        assertThat(schema.get("primaryKey")).hasSize(2);
        assertThat(schema.at("/primaryKey/0").asText()).isEqualTo("period");
        assertThat(schema.at("/primaryKey/1").asText()).isEqualTo("province");
        assertThat(schema.at("/missingValues/0").asText()).isEmpty();
        assertThat(descriptor.at("/suppression/k").asInt()).isEqualTo(5);
        assertThat(descriptor.at("/suppression/applied").asBoolean()).isTrue();
        assertThat(descriptor.at("/snapshot/as_of").asText()).isEqualTo("2020-06-30");
        assertThat(descriptor.at("/indicator/definition").asText()).startsWith("attendance rows with held_on in range");
        assertThat(descriptor.at("/query/from").asText()).isEqualTo("2019-01-01");
        assertThat(descriptor.at("/licenses/0/name").asText()).isEqualTo("CC-BY-4.0");
        assertThat(descriptor.get("name").asText()).matches("[a-z0-9._/-]+");

        // DuckDB reads the CSV with the types the schema declares, and finds the answer's rows
        String columns = fields.entrySet().stream()
                .map(field -> "'" + field.getKey() + "': '" + duckdbType(field.getValue()) + "'")
                .reduce((left, right) -> left + ", " + right).orElseThrow();
        String source = "read_csv('" + csv + "', header = true, columns = {" + columns + "})";
        // by the attendee's cooperative: 2019 S1 3 + S2 1 in Kigali City, S2 1 in Southern; 2020 S4 1 in Kigali City,
        // S3 2 in Southern: every cell is small, so its protected count is 0 (no row) or a multiple of 5
        List<AnswerRow> rows = readBack(source, heading);
        assertThat(rows).isEqualTo(programme.warehouse().answer(query, PUBLIC).rows());
        assertThat(rows).allSatisfy(row -> assertThat(row.numerator().longValue() % 5).isZero());
    }

    @Test
    void filesAreNamedAfterWhatTheyHold()
    {
        try (AnswerCursor cursor = programme.warehouse().openAnswer(query("formalisation_rate", "by=district&as_of=2020-03-31"), PUBLIC, programme.warehouse().deadline())) {
            assertThat(ExportNames.baseName(cursor.heading()))
                    .isEqualTo("formalisation_rate_by-district_as-of-2020-03-31_" + cursor.heading().snapshot().id());
        }
        try (AnswerCursor cursor = programme.warehouse().openAnswer(query("training_sessions", "grain=quarter&from=2019-01-01&to=2019-12-31&district=Gasabo"), PUBLIC, programme.warehouse().deadline())) {
            assertThat(ExportNames.baseName(cursor.heading()))
                    .startsWith("training_sessions_filtered_quarterly_2019-01-01-to-2019-12-31_");
        }
    }

    private static IndicatorQuery query(String indicator, String parameters)
    {
        return IndicatorQuery.parse(indicator, parameters(parameters));
    }

    private static String duckdbType(String tableSchemaType)
    {
        return switch (tableSchemaType) {
            case "string" -> "VARCHAR";
            case "integer" -> "BIGINT";
            case "number" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            default -> throw new IllegalArgumentException(tableSchemaType);
        };
    }

    private static Map<String, String> columnTypes(Path parquet)
            throws SQLException
    {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("describe select * from read_parquet('" + parquet + "')")) {
            while (resultSet.next()) {
                types.put(resultSet.getString("column_name"), resultSet.getString("column_type"));
            }
        }
        return types;
    }

    /** Rows read back by DuckDB from a file, in the form of the API's rows (a count's value is its numerator). */
    private static List<AnswerRow> readBack(String source, AnswerHeading heading)
            throws SQLException
    {
        List<AnswerRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select * from " + source)) {
            while (resultSet.next()) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (String key : heading.keyColumns()) {
                    cells.put(key, resultSet.getString(key));
                }
                Long numerator = (Long) resultSet.getObject("numerator");
                Number denominator = (Number) resultSet.getObject("denominator");
                if (denominator instanceof Double target && target == Math.rint(target)) {
                    denominator = target.longValue();
                }
                Double value = (Double) resultSet.getObject("value");
                // the columns of the former suppression stay, always false and empty
                assertThat(resultSet.getBoolean("suppressed")).isFalse();
                assertThat(resultSet.getString("suppression")).isNull();
                if (heading.indicator().unit() == IndicatorUnit.COUNT) {
                    rows.add(new AnswerRow(cells, numerator, null, value == null ? null : value.longValue()));
                }
                else {
                    rows.add(new AnswerRow(cells, numerator, denominator, value));
                }
            }
        }
        return rows;
    }

}
