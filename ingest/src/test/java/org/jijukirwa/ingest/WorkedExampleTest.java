package org.jijukirwa.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.spark.sql.types.StructType;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of the spec: ingested with as-of 2020-06-30, the run report must match expected/counts.json. */
class WorkedExampleTest
{
    static final Path EXAMPLE = Path.of("../testdata/spec-example");

    @TempDir
    static Path warehouse;

    static RunReport report;

    @BeforeAll
    static void ingest()
    {
        IngestOptions options = new IngestOptions(EXAMPLE.resolve("raw"), warehouse, Optional.empty(), LocalDate.of(2020, 6, 30), Optional.empty(),
                "test-key".getBytes(StandardCharsets.UTF_8));
        report = new IngestJob(SparkTestSession.get(), Clock.systemUTC()).run(options);
        System.out.println(report.summary());
    }

    @Test
    void runReportMatchesExpectedCounts()
            throws Exception
    {
        JsonNode expected = new ObjectMapper().readTree(EXAMPLE.resolve("expected/counts.json").toFile());
        JsonNode actual = report.toJson().get("datasets");
        ObjectNode comparable = new ObjectMapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> datasets = expected.fields(); datasets.hasNext(); ) {
            Map.Entry<String, JsonNode> dataset = datasets.next();
            ObjectNode node = comparable.putObject(dataset.getKey());
            copyFields(dataset.getValue(), actual.get(dataset.getKey()), node);
        }
        assertThat(comparable.toPrettyString()).isEqualTo(expected.toPrettyString());
    }

    @Test
    void everyTableHasExactlyTheLayoutColumnsAndTypes()
    {
        String id = new WarehouseDirectory(warehouse).currentSnapshotId().orElseThrow();
        for (Table table : Table.values()) {
            StructType written = SparkTestSession.get().read().parquet(new WarehouseDirectory(warehouse).table(id, table).toString()).schema();
            assertThat(written.fieldNames()).as(table.tableName()).containsExactlyElementsOf(table.columnNames());
            for (Table.Column column : table.columns()) {
                assertThat(written.apply(column.name()).dataType()).as(table.tableName() + "." + column.name()).isEqualTo(TableSchemas.sparkType(column.duckdbType()));
            }
        }
        assertThat(SparkTestSession.get().read().parquet(new WarehouseDirectory(warehouse).table(id, Table.DISTRICTS).toString()).count()).isEqualTo(30);
    }

    @Test
    void timestampsAreWrittenAsUtcAdjustedMicroseconds()
            throws Exception
    {
        String id = new WarehouseDirectory(warehouse).currentSnapshotId().orElseThrow();
        Path folder = new WarehouseDirectory(warehouse).table(id, Table.COOPERATIVES);
        Path file;
        try (Stream<Path> files = Files.list(folder)) {
            file = files.filter(path -> path.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            LogicalTypeAnnotation updatedAt = reader.getFooter().getFileMetaData().getSchema().getType("updated_at").getLogicalTypeAnnotation();
            assertThat(updatedAt).isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        }
    }

    @Test
    void noTableButTheQuarantineHoldsPersonalData()
            throws Exception
    {
        Set<String> personal = new HashSet<>();
        personal.addAll(columnValues("members/members_2019.csv", "national_id", "full_name", "phone"));
        personal.addAll(columnValues("members/members_2020.csv", "national_id", "full_name", "phone"));
        personal.addAll(columnValues("trainings/trainings.csv", "facilitator"));
        personal.addAll(columnValues("coaching/coaching_2019.csv", "coach", "notes"));
        personal.removeIf(value -> value.isBlank());
        assertThat(personal).contains("1197172438863079", "Ishimwe Aline", "+250783090150", "Bizimana Jean Paul", "Uwizeye Francine");

        String id = new WarehouseDirectory(warehouse).currentSnapshotId().orElseThrow();
        boolean quarantineHasSome = false;
        for (Table table : Table.values()) {
            List<String> cells = SparkTestSession.get().read().parquet(new WarehouseDirectory(warehouse).table(id, table).toString())
                    .collectAsList().stream()
                    .flatMap(row -> IntStream.range(0, row.size()).mapToObj(row::get))
                    .filter(value -> value != null)
                    .map(Object::toString)
                    .toList();
            List<String> leaks = cells.stream().filter(cell -> personal.stream().anyMatch(cell::contains)).toList();
            if (table == Table.QUARANTINE) {
                quarantineHasSome = !leaks.isEmpty();
            }
            else {
                assertThat(leaks).as(table.tableName()).isEmpty();
            }
        }
        assertThat(quarantineHasSome).isTrue();
        // Phone numbers inside free-text notes of JSON rows too.
        assertThat(Files.readString(EXAMPLE.resolve("raw/coaching/coaching_2020.jsonl"))).contains("0787869170");
    }

    private static List<String> columnValues(String file, String... columns)
            throws Exception
    {
        try (BufferedReader reader = FieldRecordReader.open(EXAMPLE.resolve("raw").resolve(file))) {
            FieldRecordReader.CsvFile csv = FieldRecordReader.openCsv(reader).orElseThrow();
            List<String> header = csv.header().stream().map(ColumnResolver::normalise).toList();
            List<String> values = new ArrayList<>();
            for (SourceRecord record = csv.parser().next(); record != null; record = csv.parser().next()) {
                for (String column : columns) {
                    int index = header.indexOf(column);
                    if (index < record.fields().size()) {
                        values.add(record.fields().get(index).strip());
                    }
                }
            }
            return values;
        }
    }

    /** The actual values of the fields that the expected node names, recursively. */
    private static void copyFields(JsonNode expected, JsonNode actual, ObjectNode target)
    {
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = actual == null ? null : actual.get(field.getKey());
            if (field.getValue().isObject() && !field.getKey().equals("by_reason")) {
                copyFields(field.getValue(), value, target.putObject(field.getKey()));
            }
            else {
                target.set(field.getKey(), value);
            }
        }
    }
}
