package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.jijukirwa.dashboard.runs.RunSummary;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.dashboard.testing.WarehouseServer;
import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole product on the spec's worked example: the raw CSV and JSONL files go
 * through the Spark ingest (its own JVM, as in production), Parquet and DuckDB,
 * and every request of expected/answers.json gets the answer the spec implies. The example's answers of the indicators
 * that count people are exact figures (with the small cells of the former per-answer suppression hidden): the manager
 * gets them exactly, the public gets them protected as docs/disclosure.md says (multiples of k, nothing suppressed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT
{
    private static final Path EXAMPLE = IngestProcess.REPOSITORY.resolve("testdata/spec-example");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int K = 5;
    private static final Set<String> PEOPLE_COUNTING = Set.of("members_active", "member_formalisation_rate", "women_share", "youth_share",
            "persons_reached", "attendances");

    @TempDir
    static Path workFolder;

    private WarehouseServer served;
    private URI server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void ingestTheExampleAndStartTheServer()
            throws IOException, InterruptedException
    {
        Path warehouse = workFolder.resolve("warehouse");
        Path key = workFolder.resolve("hmac.key");
        Files.writeString(key, "end-to-end-test-key");
        IngestProcess.run(List.of(
                "--input", EXAMPLE.resolve("raw").toString(),
                "--warehouse", warehouse.toString(),
                "--as-of", "2020-06-30",
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
    void healthNamesThePublishedSnapshot()
            throws IOException, InterruptedException
    {
        HttpResponse<String> response = get("/api/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("snapshot").asText()).isEqualTo(currentSnapshot());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRequestGetsTheExpectedAnswer()
            throws IOException
    {
        JsonNode cases = JSON.readTree(EXAMPLE.resolve("expected/answers.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode example : cases) {
            String request = example.get("request").asText();
            tests.add(DynamicTest.dynamicTest(request, () -> checkExample(example)));
        }
        return tests.stream();
    }

    private void checkExample(JsonNode example)
            throws IOException, InterruptedException
    {
        HttpResponse<String> response = get(example.get("request").asText());
        assertThat(response.statusCode()).as("status of %s: %s", example.get("request"), response.body())
                .isEqualTo(example.get("status").asInt());
        JsonNode actual = withoutLineage(JSON.readTree(response.body()));
        if (example.has("parameter")) {
            assertThat(actual.get("parameter").asText()).isEqualTo(example.get("parameter").asText());
            assertThat(actual.get("error").asText()).isNotBlank();
            return;
        }
        JsonNode expected = example.get("answer");
        assertThat(actual.get("snapshot").asText()).isEqualTo(currentSnapshot());
        if (PEOPLE_COUNTING.contains(expected.get("indicator").asText())) {
            checkPeopleCounts(example.get("request").asText(), expected, actual);
            return;
        }
        assertSameJson(example.get("request").asText(), expected, actual, "");
    }

    /**
     * The manager's answer has the example's exact rows (a cell the example hid as a small cell holds 1 to k-1 people,
     * one hidden as its complement at least 1); the public's has the same heading, and protected figures: multiples of
     * k, rates worked out from them, rows only where the manager has one, nothing suppressed.
     */
    private void checkPeopleCounts(String request, JsonNode expected, JsonNode actual)
            throws IOException, InterruptedException
    {
        JsonNode manager = withoutLineage(JSON.readTree(getAsManager(request).body()));
        assertSameJson(request, withoutRows(expected), withoutRows(manager), "");
        assertThat(manager.get("rows").size()).as(request + " manager rows").isEqualTo(expected.get("rows").size());
        Map<String, JsonNode> managerRows = new HashMap<>();
        for (int index = 0; index < expected.get("rows").size(); index++) {
            JsonNode wanted = expected.get("rows").get(index);
            JsonNode exact = manager.get("rows").get(index);
            assertThat(exact.get("suppressed").asBoolean()).isFalse();
            managerRows.put(keyOf(expected, exact), exact);
            if (!wanted.get("suppressed").asBoolean()) {
                assertSameJson(request + " (manager)", wanted, exact, "/rows/" + index);
                continue;
            }
            assertThat(keyOf(expected, exact)).as(request + " manager row " + index).isEqualTo(keyOf(expected, wanted));
            long size = exact.get(exact.get("denominator").isNull() ? "value" : "denominator").asLong();
            assertThat(size).as(request + " manager row " + index + ", hidden before as " + wanted.get("suppression").asText())
                    .isBetween(1L, wanted.get("suppression").asText().equals("small_cell") ? K - 1L : Long.MAX_VALUE);
        }

        assertSameJson(request + " (public)", withoutRows(expected), withoutRows(actual), "");
        for (JsonNode row : actual.get("rows")) {
            String where = request + " public row " + row;
            assertThat(row.get("suppressed").asBoolean()).as(where).isFalse();
            assertThat(row.has("suppression")).as(where).isFalse();
            assertThat(managerRows).as(where + " has a manager row").containsKey(keyOf(expected, row));
            assertThat(row.get("numerator").asLong() % K).as(where).isZero();
            if (row.get("denominator").isNull()) {
                assertThat(row.get("value")).as(where).isEqualTo(row.get("numerator"));
                assertThat(row.get("value").asLong()).as(where).isPositive();
            }
            else {
                assertThat(row.get("denominator").asLong() % K).as(where).isZero();
                assertThat(row.get("numerator").asLong()).as(where).isLessThanOrEqualTo(row.get("denominator").asLong());
                assertThat(row.get("value").asDouble()).as(where).isEqualTo(row.get("numerator").asDouble() / row.get("denominator").asDouble());
            }
        }
    }

    private static JsonNode withoutRows(JsonNode answer)
    {
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.remove("rows");
        return copy;
    }

    /** The values of a row's period and by-columns. */
    private static String keyOf(JsonNode answer, JsonNode row)
    {
        List<String> key = new ArrayList<>();
        key.add(row.path("period").asText(""));
        answer.get("by").forEach(dimension -> key.add(row.get(dimension.asText()).asText()));
        return String.join("|", key);
    }

    /**
     * The OpenAPI description's example of GET /api/v1/runs has the fields of the run report this ingest run wrote, with
     * the same kinds of value: a field the ingest adds, renames or drops fails here until the example follows.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theRunsExampleHasTheFieldsOfARealRunReport()
            throws IOException, InterruptedException
    {
        HttpResponse<String> description = get("/api/v1/openapi.yml");
        assertThat(description.statusCode()).isEqualTo(200);
        Map<String, Object> document = new Yaml().load(description.body());
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("paths")).get("/api/v1/runs")).get("get");
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) operation.get("responses"))
                .get("200")).get("content")).get("application/json");
        JsonNode example = JSON.readTree(((Map<String, Object>) ((Map<String, Object>) json.get("examples")).get("example")).get("value").toString());
        JsonNode written = JSON.readTree(new WarehouseDirectory(workFolder.resolve("warehouse")).snapshot(currentSnapshot())
                .resolve(WarehouseDirectory.RUN_REPORT_FILE).toFile());

        assertThat(fieldNames(example.get(0))).containsExactly(
                Arrays.stream(RunSummary.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
        Map<String, JsonNodeType> exampleFields = fieldKinds(example.get(0).get("report"));
        Map<String, JsonNodeType> writtenFields = fieldKinds(written);
        assertThat(exampleFields.keySet()).as("fields of the example").containsExactlyInAnyOrderElementsOf(writtenFields.keySet());
        writtenFields.forEach((field, kind) -> {
            if (kind != JsonNodeType.NULL && exampleFields.get(field) != JsonNodeType.NULL) {
                assertThat(exampleFields.get(field)).as("kind of " + field).isEqualTo(kind);
            }
        });
    }

    /**
     * Every field of a run report by its path, the keys of the objects keyed by data (dataset names, file paths,
     * reasons) written as *: datasets.*.files.*.rows_read -> NUMBER. A field that is null in one place takes the
     * kind it has in another.
     */
    private static Map<String, JsonNodeType> fieldKinds(JsonNode report)
    {
        Map<String, JsonNodeType> kinds = new TreeMap<>();
        addFieldKinds(report, "", false, kinds);
        return kinds;
    }

    private static void addFieldKinds(JsonNode node, String path, boolean keyedByData, Map<String, JsonNodeType> kinds)
    {
        for (String name : fieldNames(node)) {
            JsonNode value = node.get(name);
            if (keyedByData && !value.isContainerNode()) {
                continue;  // a count by reason: its key is data, its value a number
            }
            String field = (path.isEmpty() ? "" : path + ".") + (keyedByData ? "*" : name);
            kinds.merge(field, value.getNodeType(), (known, other) -> known == JsonNodeType.NULL ? other : known);
            if (value.isObject()) {
                addFieldKinds(value, field, Set.of("datasets", "files", "by_reason").contains(name) && !keyedByData, kinds);
            }
        }
    }

    /**
     * The answer without the lineage it carries since the worked example was written (docs/interfaces.md,
     * "Lineage"): checked here to name the served snapshot, its figures are LineageIT's.
     */
    private JsonNode withoutLineage(JsonNode answer)
            throws IOException
    {
        if (!answer.isObject() || !answer.has("lineage")) {
            return answer;
        }
        ObjectNode copy = answer.deepCopy();
        JsonNode lineage = copy.remove("lineage");
        assertThat(lineage.at("/snapshot/id").asText()).isEqualTo(currentSnapshot());
        return copy;
    }

    /** Same fields and values, numbers compared as numbers, the snapshot placeholder ignored. */
    private static void assertSameJson(String request, JsonNode expected, JsonNode actual, String path)
    {
        String where = request + " at " + (path.isEmpty() ? "/" : path);
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(where + " is a number, got " + actual).isTrue();
            assertThat(actual.asDouble()).as(where).isCloseTo(expected.asDouble(), within(1e-12));
            return;
        }
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(where).isTrue();
            List<String> expectedFields = fieldNames(expected);
            assertThat(fieldNames(actual)).as(where + " fields").containsExactlyInAnyOrderElementsOf(expectedFields);
            for (String field : expectedFields) {
                if (!(path.isEmpty() && field.equals("snapshot"))) {
                    assertSameJson(request, expected.get(field), actual.get(field), path + "/" + field);
                }
            }
            return;
        }
        if (expected.isArray()) {
            assertThat(actual.size()).as(where + " size, got " + actual).isEqualTo(expected.size());
            for (int index = 0; index < expected.size(); index++) {
                assertSameJson(request, expected.get(index), actual.get(index), path + "/" + index);
            }
            return;
        }
        assertThat(actual).as(where).isEqualTo(expected);
    }

    private static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        for (Iterator<String> iterator = node.fieldNames(); iterator.hasNext(); ) {
            names.add(iterator.next());
        }
        return names;
    }

    private String currentSnapshot()
            throws IOException
    {
        return Files.readString(workFolder.resolve("warehouse/CURRENT")).trim();
    }

    private HttpResponse<String> getAsManager(String pathAndQuery)
            throws IOException, InterruptedException
    {
        String credentials = TestUsers.MANAGER + ":" + TestUsers.MANAGER_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s as manager: %s", pathAndQuery, response.body()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> get(String pathAndQuery)
            throws IOException, InterruptedException
    {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
