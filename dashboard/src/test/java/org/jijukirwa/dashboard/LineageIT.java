package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.dashboard.testing.WarehouseServer;
import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lineage after two real ingest runs: the second adds one cooperatives file (two good rows, one bad) to the same
 * input, so the served snapshot holds the first run's files and that one, and each names the run that read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageIT
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = IngestProcess.REPOSITORY.resolve("testdata/spec-example/raw");
    private static final String ADDED = "cooperatives/cooperatives_added.csv";

    @TempDir
    static Path workFolder;

    private WarehouseServer served;
    private URI server;
    private String firstRun;
    private String secondRun;
    private final Map<String, String> firstFiles = new TreeMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void ingestTwiceAndStartTheServer()
            throws Exception
    {
        Path input = workFolder.resolve("input");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = input.resolve(EXAMPLE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                firstFiles.put(EXAMPLE.relativize(file).toString().replace('\\', '/'), sha256(file));
            }
        }
        Path warehouse = workFolder.resolve("warehouse");
        Path key = workFolder.resolve("hmac.key");
        Files.writeString(key, "lineage-test-key");
        List<String> arguments = List.of("--input", input.toString(), "--warehouse", warehouse.toString(), "--as-of", "2020-06-30",
                "--hmac-key-file", key.toString());
        IngestProcess.run(arguments, workFolder.resolve("ingest-1.log"));
        Files.writeString(input.resolve(ADDED), """
                cooperative_id,cooperative_name,district,sector,value_chain,formed_on,applied_on,registered_on,rca_certificate_no,bdc_linked_on,union_affiliated_on,updated_at
                COOP-GAS-0901,Added one,Gasabo,,tailoring,2020-01-10,,,,,,2020-01-10
                COOP-GAS-0902,Added two,Gasabo,,tailoring,2020-02-10,,,,,,2020-02-10
                COOP-GAS-0903,Added three,Atlantis,,tailoring,2020-02-10,,,,,,2020-02-10
                """, StandardCharsets.UTF_8);
        IngestProcess.run(arguments, workFolder.resolve("ingest-2.log"));
        List<String> snapshots = new WarehouseDirectory(warehouse).snapshotIds();
        assertThat(snapshots).hasSize(2);
        firstRun = snapshots.get(0);
        secondRun = snapshots.get(1);

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
    void lineageNamesTheRightRunAndFilesAfterTwoRuns()
            throws Exception
    {
        JsonNode lineage = JSON.readTree(ok(get("/api/v1/lineage", false)));

        assertThat(lineage.path("snapshot").path("id").asText()).isEqualTo(secondRun);
        assertThat(lineage.path("snapshot").path("as_of").asText()).isEqualTo("2020-06-30");
        assertThat(texts(lineage.path("runs"), "run")).containsExactly(firstRun, secondRun);
        Map<String, JsonNode> byHash = new TreeMap<>();
        lineage.path("files").forEach(file -> byHash.put(file.path("content_sha256").asText(), file));
        assertThat(byHash).hasSize(firstFiles.size() + 1);
        for (String hash : firstFiles.values()) {
            JsonNode file = byHash.entrySet().stream().filter(entry -> entry.getKey().startsWith(hash)).findFirst().orElseThrow().getValue();
            assertThat(file.path("run").asText()).isEqualTo(firstRun);
            assertThat(file.has("file")).as("a public lineage names no file").isFalse();
        }
        JsonNode added = byHash.get(sha256(workFolder.resolve("input").resolve(ADDED)));
        assertThat(added).isNotNull();
        assertThat(added.path("run").asText()).isEqualTo(secondRun);
        assertThat(added.path("dataset").asText()).isEqualTo("cooperatives");
        assertThat(added.path("rows_read").asLong()).isEqualTo(3);
        assertThat(added.path("accepted").asLong()).isEqualTo(2);
        assertThat(added.path("quarantined").asLong()).isEqualTo(1);

        Map<String, String> references = new TreeMap<>();
        lineage.path("reference_files").forEach(file -> references.put(file.path("name").asText(), file.path("sha256").asText()));
        assertThat(references).containsOnlyKeys("districts.csv", "value_chains.csv", "topics.csv", "targets.csv");
        for (Map.Entry<String, String> reference : references.entrySet()) {
            assertThat(reference.getValue()).isEqualTo(sha256(IngestProcess.REPOSITORY.resolve("reference").resolve(reference.getKey())));
        }
        assertThat(lineage.path("protection").path("applied").asBoolean()).isTrue();
        assertThat(lineage.path("protection").path("suppressed").asBoolean()).isFalse();
    }

    @Test
    void managersSeeTheFileNamesAndAnOlderSnapshotNamesOnlyItsOwnRun()
            throws Exception
    {
        JsonNode lineage = JSON.readTree(ok(get("/api/v1/lineage", true)));
        List<String> names = texts(lineage.path("files"), "file");
        assertThat(names).contains(ADDED).containsAll(firstFiles.keySet());
        assertThat(lineage.path("protection").path("applied").asBoolean()).isFalse();

        JsonNode first = JSON.readTree(ok(get("/api/v1/lineage?snapshot=" + firstRun, true)));
        assertThat(texts(first.path("runs"), "run")).containsExactly(firstRun);
        assertThat(texts(first.path("files"), "file")).containsExactlyInAnyOrderElementsOf(firstFiles.keySet());
    }

    @Test
    void aMalformedSnapshotIsA400AndAnUnknownOneA404()
            throws Exception
    {
        HttpResponse<String> malformed = get("/api/v1/lineage?snapshot=latest';drop", false);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("parameter").asText()).isEqualTo("snapshot");

        HttpResponse<String> unknown = get("/api/v1/lineage?snapshot=20190101T000000000Z-000000", false);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).contains("20190101T000000000Z-000000");
    }

    @Test
    void everyAnswerAndExportCarriesTheSameLineage()
            throws Exception
    {
        JsonNode snapshotLineage = JSON.readTree(ok(get("/api/v1/lineage", false)));
        JsonNode answer = JSON.readTree(ok(get("/api/v1/indicators/members_active?by=district", false)));
        ObjectNode lineage = (ObjectNode) answer.path("lineage").deepCopy();
        assertThat(lineage.path("indicator").path("id").asText()).isEqualTo("members_active");
        assertThat(lineage.path("indicator").path("kind").asText()).isEqualTo("stock");
        assertThat(lineage.path("indicator").path("date_rule").asText()).contains("as of a date D");
        lineage.remove("indicator");
        assertThat(lineage).isEqualTo(snapshotLineage);
        JsonNode exact = JSON.readTree(ok(get("/api/v1/indicators/coops_formed", false)));
        assertThat(exact.path("lineage").path("protection").path("applied").asBoolean()).as("cooperatives are not persons").isFalse();

        HttpResponse<byte[]> parquet = http.send(request("/api/v1/export/members_active.parquet?by=district", false).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(parquet.statusCode()).isEqualTo(200);
        Path file = workFolder.resolve("answer.parquet");
        Files.write(file, parquet.body());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement statement = connection.prepareStatement("select value from parquet_kv_metadata(?) where key = 'lineage'")) {
            statement.setString(1, file.toString());
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(JSON.readTree(rows.getBytes(1))).isEqualTo(answer.path("lineage"));
            }
        }

        HttpResponse<byte[]> zip = http.send(request("/api/v1/export/members_active.zip?by=district", false).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(entry(zip.body(), "datapackage.json")).path("lineage")).isEqualTo(answer.path("lineage"));

        HttpResponse<String> csv = get("/api/v1/export/members_active.csv?by=district", false);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Link")).hasValue("</api/v1/lineage?snapshot=" + secondRun + ">; rel=\"describedby\"; type=\"application/json\"");
    }

    private static byte[] entry(byte[] zip, String name)
            throws IOException
    {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the ZIP");
    }

    private static List<String> texts(JsonNode array, String field)
    {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    private static String ok(HttpResponse<String> response)
    {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String pathAndQuery, boolean asManager)
            throws IOException, InterruptedException
    {
        return http.send(request(pathAndQuery, asManager).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String pathAndQuery, boolean asManager)
    {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET();
        if (asManager) {
            String credentials = TestUsers.MANAGER + ":" + TestUsers.MANAGER_PASSWORD;
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static String sha256(Path file)
            throws Exception
    {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
