package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jijukirwa.dashboard.testing.WarehouseServer;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.WarehouseSettings;
import org.jijukirwa.warehouse.snapshot.DataTestFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.dashboard.testing.JsonNodes.counts;
import static org.jijukirwa.dashboard.testing.JsonNodes.fieldNames;

/**
 * The bundled sample (data-samples/) through the Spark ingest (its own JVM), checked against what the generator says
 * it wrote (MANIFEST.json; generator and ingest were written independently): the run report's counts and the admin's
 * quarantine; then every SQL data test of the warehouse must hold on the snapshot, and served figures must agree with
 * the same figures worked out in plain Java from the raw files ({@link RawCooperatives}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSamplesIT
{
    private static final Path SAMPLES = ServedRequests.DATA_SAMPLES;
    private static final Path REFERENCE = IngestProcess.REPOSITORY.resolve("reference");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workFolder;

    private JsonNode manifest;
    private LocalDate asOf;
    private Path warehouse;
    private WarehouseServer served;
    private URI server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void ingestTheSamplesAndStartTheServer()
            throws IOException, InterruptedException
    {
        manifest = JSON.readTree(SAMPLES.resolve("MANIFEST.json").toFile());
        asOf = LocalDate.parse(manifest.get("as_of").asText());
        warehouse = workFolder.resolve("warehouse");
        Path key = workFolder.resolve("hmac.key");
        Files.writeString(key, "data-samples-test-key");
        // The CSV sample only: the field-tool exports beside it have a test of their own (FieldExportsIT).
        Path input = Files.createDirectories(workFolder.resolve("input"));
        for (String dataset : List.of("cooperatives", "members", "trainings", "coaching")) {
            copyFolder(SAMPLES.resolve(dataset), input.resolve(dataset));
        }
        IngestProcess.run(List.of(
                "--input", input.toString(),
                "--warehouse", warehouse.toString(),
                "--as-of", asOf.toString(),
                "--hmac-key-file", key.toString()), workFolder.resolve("ingest.log"));

        served = WarehouseServer.over(warehouse);
        server = served.uri();
    }

    @AfterAll
    void stopTheServer()
    {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void theRunReportCountsWhatTheGeneratorWrote()
            throws IOException
    {
        JsonNode report = JSON.readTree(snapshotFolder().resolve("run-report.json").toFile());
        assertThat(report.get("as_of").asText()).isEqualTo(asOf.toString());
        JsonNode expectedDatasets = manifest.get("datasets");
        assertThat(fieldNames(report.get("datasets"))).containsExactlyInAnyOrderElementsOf(fieldNames(expectedDatasets));

        for (String dataset : fieldNames(expectedDatasets)) {
            JsonNode expected = expectedDatasets.get(dataset);
            JsonNode actual = report.get("datasets").get(dataset);
            assertThat(actual.get("rows_read").asLong()).as("%s rows read", dataset).isEqualTo(expected.get("rows").asLong());
            assertThat(actual.get("valid_rows").asLong()).as("%s valid rows", dataset).isEqualTo(expected.get("valid_rows").asLong());
            assertThat(actual.get("quarantined_rows").asLong()).as("%s quarantined rows", dataset).isEqualTo(expected.get("bad_rows").asLong());
            assertThat(counts(actual.get("by_reason"))).as("%s quarantined by reason", dataset).isEqualTo(counts(expected.get("bad_rows_by_reason")));
            assertThat(actual.get("current_keys").asLong()).as("%s current keys", dataset).isEqualTo(expected.get("current_keys").asLong());

            JsonNode expectedFiles = expected.get("files");
            assertThat(fieldNames(actual.get("files"))).as("%s files", dataset).containsExactlyInAnyOrderElementsOf(fieldNames(expectedFiles));
            for (String file : fieldNames(expectedFiles)) {
                JsonNode expectedFile = expectedFiles.get(file);
                JsonNode actualFile = actual.get("files").get(file);
                assertThat(actualFile.get("rows_read").asLong()).as("%s rows read", file).isEqualTo(expectedFile.get("rows").asLong());
                assertThat(actualFile.get("valid_rows").asLong()).as("%s valid rows", file).isEqualTo(expectedFile.get("valid_rows").asLong());
                assertThat(actualFile.get("quarantined").asLong()).as("%s quarantined", file).isEqualTo(expectedFile.get("bad_rows").asLong());
                assertThat(counts(actualFile.get("by_reason"))).as("%s quarantined by reason", file)
                        .isEqualTo(counts(expectedFile.get("bad_rows_by_reason")));
            }
        }
    }

    @Test
    void theAdminsQuarantineHoldsEveryBadRowTheGeneratorWrote()
            throws IOException, InterruptedException
    {
        HttpResponse<String> response = ServedRequests.QUARANTINE_AS_ADMIN.send(http, server);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());

        Map<String, Long> expected = new TreeMap<>();
        long badRows = 0;
        for (String dataset : fieldNames(manifest.get("datasets"))) {
            JsonNode counts = manifest.get("datasets").get(dataset);
            badRows += counts.get("bad_rows").asLong();
            counts.get("bad_rows_by_reason").fields().forEachRemaining(entry -> expected.put(dataset + " " + entry.getKey(), entry.getValue().asLong()));
        }
        Map<String, Long> served = new TreeMap<>();
        // the counts are per dataset, file and reason: the generator's are per dataset and reason
        page.get("counts").forEach(count -> served.merge(count.get("dataset").asText() + " " + count.get("reason").asText(), count.get("rows").asLong(), Long::sum));
        assertThat(page.get("total").asLong()).isEqualTo(badRows);
        assertThat(served).isEqualTo(expected);
        assertThat(page.get("rows")).hasSize((int) badRows);
        for (JsonNode row : page.get("rows")) {
            assertThat(row.get("raw_text").asText()).as("raw text of %s", row).isNotBlank();
            assertThat(row.get("source_file").asText()).as("file of %s", row).startsWith(row.get("dataset").asText() + "/");
        }
        // and nobody else reads it
        assertThat(ServedRequests.QUARANTINE_ANONYMOUS.send(http, server).statusCode()).isEqualTo(401);
        assertThat(ServedRequests.QUARANTINE_AS_MANAGER.send(http, server).statusCode()).isEqualTo(403);
    }

    @Test
    void everyDataTestOfTheWarehouseHolds()
    {
        try (Warehouse opened = Warehouse.open(warehouse, WarehouseSettings.defaults())) {
            List<DataTestFailure> failures = opened.dataTestFailures();
            assertThat(failures).as("data tests that found rows (test, rows, sample): %s", failures).isEmpty();
        }
    }

    @Test
    void cooperativesPerProvinceMatchTheRawFiles()
            throws IOException, InterruptedException
    {
        List<RawCooperatives.Cooperative> cooperatives = RawCooperatives.current(SAMPLES.resolve("cooperatives"), REFERENCE, asOf);
        // the generator's count of keys with a valid row: checks this test's own reading of the files
        assertThat(cooperatives).hasSize(manifest.at("/datasets/cooperatives/current_keys").asInt());

        Map<String, Long> formed = cooperatives.stream()
                .filter(cooperative -> !cooperative.formedOn().isAfter(asOf))
                .collect(Collectors.groupingBy(RawCooperatives.Cooperative::province, TreeMap::new, Collectors.counting()));
        Map<String, Long> registered = cooperatives.stream()
                .filter(cooperative -> !cooperative.formedOn().isAfter(asOf))
                .filter(cooperative -> cooperative.registeredOn().filter(date -> !date.isAfter(asOf)).isPresent())
                .collect(Collectors.groupingBy(RawCooperatives.Cooperative::province, TreeMap::new, Collectors.counting()));
        assertThat(formed).hasSize(5);
        assertThat(registered.values().stream().mapToLong(Long::longValue).sum()).isPositive();

        assertThat(servedByProvince("coops_formed")).isEqualTo(formed);
        assertThat(servedByProvince("coops_registered")).isEqualTo(registered);
    }

    /** The public answer of a count indicator by province as of the snapshot's date: province -> value. */
    private Map<String, Long> servedByProvince(String indicator)
            throws IOException, InterruptedException
    {
        HttpResponse<String> response = ServedRequests.byProvince(indicator).send(http, server);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("as_of").asText()).isEqualTo(asOf.toString());
        Map<String, Long> values = new TreeMap<>();
        for (JsonNode row : answer.get("rows")) {
            values.put(row.get("province").asText(), row.get("value").asLong());
        }
        return values;
    }

    private static void copyFolder(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    private Path snapshotFolder()
            throws IOException
    {
        return warehouse.resolve("snapshots").resolve(Files.readString(warehouse.resolve("CURRENT")).trim());
    }
}
