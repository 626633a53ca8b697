package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.dashboard.testing.JsonNodes.counts;
import static org.jijukirwa.dashboard.testing.JsonNodes.fieldNames;

/**
 * The bundled KoboToolbox, KoBoCAT and ODK Central exports (data-samples/field-exports: XLSX, ; CSV with labels,
 * dataframe-saved XLSX, legacy CSV, ODK zip with a repeat) through the real Spark ingest with no mapping file: the
 * shipped forms are found by the ingest itself. Every table's counts, per file and reason, must be what the generator
 * says it wrote (MANIFEST.json, field_exports), rejected-in-review submissions included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldExportsIT
{
    private static final Path SAMPLES = IngestProcess.REPOSITORY.resolve("data-samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workFolder;

    private JsonNode expected;
    private JsonNode report;

    @BeforeAll
    void ingestTheFieldExports()
            throws IOException, InterruptedException
    {
        JsonNode manifest = JSON.readTree(SAMPLES.resolve("MANIFEST.json").toFile());
        expected = manifest.get("field_exports");
        Path warehouse = workFolder.resolve("warehouse");
        Path key = workFolder.resolve("hmac.key");
        Files.writeString(key, "field-exports-test-key");
        IngestProcess.run(List.of(
                "--input", SAMPLES.resolve(expected.get("folder").asText()).toString(),
                "--warehouse", warehouse.toString(),
                "--as-of", LocalDate.parse(manifest.get("as_of").asText()).toString(),
                "--hmac-key-file", key.toString()), workFolder.resolve("ingest.log"));
        Path snapshot = warehouse.resolve("snapshots").resolve(Files.readString(warehouse.resolve("CURRENT")).trim());
        report = JSON.readTree(snapshot.resolve("run-report.json").toFile());
    }

    @Test
    void everyDatasetCountsWhatTheGeneratorWrote()
    {
        for (String dataset : fieldNames(expected.get("datasets"))) {
            JsonNode want = expected.get("datasets").get(dataset);
            JsonNode got = report.get("datasets").get(dataset);
            assertThat(got).as("dataset %s in the run report", dataset).isNotNull();
            assertThat(got.get("rows_read").asLong()).as("%s rows read", dataset).isEqualTo(want.get("rows").asLong());
            assertThat(got.get("valid_rows").asLong()).as("%s valid rows", dataset).isEqualTo(want.get("valid_rows").asLong());
            assertThat(got.get("quarantined_rows").asLong()).as("%s quarantined rows", dataset).isEqualTo(want.get("bad_rows").asLong());
            assertThat(counts(got.get("by_reason"))).as("%s by reason", dataset).isEqualTo(counts(want.get("bad_rows_by_reason")));
            assertThat(got.get("current_keys").asLong()).as("%s current keys", dataset).isEqualTo(want.get("current_keys").asLong());
        }
    }

    @Test
    void everyExportedTableCountsWhatTheGeneratorWrote()
    {
        String folder = expected.get("folder").asText() + "/";
        for (String path : fieldNames(expected.get("files"))) {
            JsonNode want = expected.get("files").get(path);
            String dataset = want.get("dataset").asText();
            // A workbook's sheet is file#sheet, a zip's entry file!entry (see ingest/README.md); a CSV is its path.
            String relative = path.substring(folder.length());
            String source = !want.has("rows_table") ? relative
                    : relative + (relative.endsWith(".zip") ? "!" : "#") + want.get("rows_table").asText();
            JsonNode got = report.get("datasets").get(dataset).get("files").get(source);
            assertThat(got).as("%s in the run report's %s files: %s", source, dataset, fieldNames(report.get("datasets").get(dataset).get("files"))).isNotNull();
            assertThat(got.get("rows_read").asLong()).as("%s rows read", source).isEqualTo(want.get("rows").asLong());
            assertThat(got.get("valid_rows").asLong()).as("%s valid rows", source).isEqualTo(want.get("valid_rows").asLong());
            assertThat(got.get("quarantined").asLong()).as("%s quarantined", source).isEqualTo(want.get("bad_rows").asLong());
            assertThat(counts(got.get("by_reason"))).as("%s by reason", source).isEqualTo(counts(want.get("bad_rows_by_reason")));
        }
    }
}
