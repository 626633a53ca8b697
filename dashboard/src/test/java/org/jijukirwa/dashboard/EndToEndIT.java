package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole product on the spec's worked example: the raw CSV and JSONL files go
 * through the Spark ingest (its own JVM, as in production), Parquet and DuckDB,
 * and every request of expected/answers.json gets the answer the spec implies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT
{
    private static final Path EXAMPLE = IngestProcess.REPOSITORY.resolve("testdata/spec-example");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workFolder;

    private ApplicationContext context;
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

        EmbeddedServer embeddedServer = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "jijukirwa.warehouse.directory", warehouse.toString()));
        context = embeddedServer.getApplicationContext();
        server = embeddedServer.getURI();
    }

    @AfterAll
    void stopTheServer()
    {
        if (context != null) {
            context.close();
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
        JsonNode actual = JSON.readTree(response.body());
        if (example.has("parameter")) {
            assertThat(actual.get("parameter").asText()).isEqualTo(example.get("parameter").asText());
            assertThat(actual.get("error").asText()).isNotBlank();
            return;
        }
        JsonNode expected = example.get("answer");
        assertThat(actual.get("snapshot").asText()).isEqualTo(currentSnapshot());
        assertSameJson(example.get("request").asText(), expected, actual, "");
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

    private HttpResponse<String> get(String pathAndQuery)
            throws IOException, InterruptedException
    {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
