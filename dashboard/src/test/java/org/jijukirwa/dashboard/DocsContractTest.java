package org.jijukirwa.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's contracts in docs/ say what the server does: the catalogue table of docs/indicators.md is the
 * catalogue the API serves (generated from it: run this test with {@code -Djijukirwa.docs.write=true} to rewrite
 * it), every dimension is documented, and every endpoint of the OpenAPI document is in docs/interfaces.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsContractTest
{
    static final Path DOCS = Path.of("..", "docs");
    static final String WRITE_PROPERTY = "jijukirwa.docs.write";
    private static final String TABLE_BEGIN = "<!-- catalogue:begin (generated: do not edit by hand) -->\n";
    private static final String TABLE_END = "<!-- catalogue:end -->";

    // the catalogue and the API description do not depend on the data: an empty warehouse serves them
    @RegisterExtension
    final DashboardServer server = DashboardServer.overEmptyWarehouse("docs-contract");

    @Test
    void indicatorsDocumentHoldsTheCatalogueTheApiServes()
            throws IOException
    {
        Path file = DOCS.resolve("indicators.md");
        String document = Files.readString(file, StandardCharsets.UTF_8);
        int begin = document.indexOf(TABLE_BEGIN);
        int end = document.indexOf(TABLE_END);
        assertThat(begin).as("the catalogue markers in " + file).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String committed = document.substring(begin + TABLE_BEGIN.length(), end);
        String generated = catalogueTable(catalogue());
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(file, document.substring(0, begin + TABLE_BEGIN.length()) + generated + document.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(committed)
                .as("docs/indicators.md differs from the catalogue; rewrite it with ./mvnw -q -B -o -pl dashboard -am verify "
                        + "-Dtest=DocsContractTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -D" + WRITE_PROPERTY + "=true")
                .isEqualTo(generated);
    }

    @Test
    void everyDimensionIsDocumented()
            throws IOException
    {
        Set<String> dimensions = new LinkedHashSet<>();
        catalogue().forEach(indicator -> indicator.get("dimensions").forEach(dimension -> dimensions.add(dimension.asText())));
        assertThat(dimensions).contains("province", "district", "value_chain", "sex", "age_band", "topic");
        String interfaces = Files.readString(DOCS.resolve("interfaces.md"), StandardCharsets.UTF_8);
        String indicators = Files.readString(DOCS.resolve("indicators.md"), StandardCharsets.UTF_8);
        String indicatorsProse = indicators.substring(0, indicators.indexOf(TABLE_BEGIN));
        for (String dimension : dimensions) {
            assertThat(interfaces).as("dimension %s in docs/interfaces.md", dimension).contains("`" + dimension + "`");
            assertThat(Pattern.compile("\\b" + dimension + "\\b").matcher(indicatorsProse).find())
                    .as("dimension %s defined in the prose of docs/indicators.md", dimension).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointOfTheOpenApiDocumentIsInTheInterfacesDocument()
            throws IOException
    {
        ApiClient.Response response = server.api().get("/api/v1/openapi.yml");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> paths = (Map<String, Object>) new Yaml().<Map<String, Object>>load(response.body()).get("paths");
        assertThat(paths).hasSizeGreaterThan(5);
        String interfaces = Files.readString(DOCS.resolve("interfaces.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String path : paths.keySet()) {
            if (!documented(interfaces, path)) {
                missing.add(path);
            }
        }
        assertThat(missing).as("endpoints missing from docs/interfaces.md").isEmpty();
    }

    @Test
    void everyLinkOfTheReadmesAndDocsLeadsToAFileInTheRepository()
            throws IOException
    {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("ingest/README.md"), root.resolve("data-samples/README.md"),
                root.resolve("testdata/spec-example/README.md")));
        try (var files = Files.list(root.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).forEach(documents::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            assertThat(text).as("%s points outside the repository", document).doesNotContain("shared/spec", "/work/");
            var matcher = link.matcher(text);
            while (matcher.find()) {
                String target = matcher.group(1);
                if (!target.startsWith("http") && !Files.exists(document.getParent().resolve(target))) {
                    broken.add(root.relativize(document) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to missing files").isEmpty();
    }

    /** {@code GET /path}, where {@code /export/{id}.csv} may be written {@code /export/{id}.{csv|json|parquet}}. */
    private static boolean documented(String interfaces, String path)
    {
        for (String method : List.of("GET", "POST")) {
            if (interfaces.contains("`" + method + " " + path + "`") || interfaces.contains("`" + method + " " + path + "?")
                    || interfaces.contains("`" + method + " " + path + "` ")) {
                return true;
            }
        }
        int dot = path.lastIndexOf('.');
        if (dot < 0 || path.indexOf('/', dot) >= 0) {
            return false;
        }
        String alternatives = "\\{[a-z|]*\\b" + Pattern.quote(path.substring(dot + 1)) + "\\b[a-z|]*\\}";
        return Pattern.compile("`GET " + Pattern.quote(path.substring(0, dot + 1)) + alternatives).matcher(interfaces).find();
    }

    private JsonNode catalogue()
    {
        ApiClient.Response response = server.api().get("/api/v1/indicators");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** The catalogue as a Markdown table, in the API's order. */
    static String catalogueTable(JsonNode catalogue)
    {
        StringBuilder table = new StringBuilder("| id | label | kind | unit | dimensions | definition |\n|---|---|---|---|---|---|\n");
        for (JsonNode indicator : catalogue) {
            List<String> dimensions = new ArrayList<>();
            indicator.get("dimensions").forEach(dimension -> dimensions.add(dimension.asText()));
            table.append("| `").append(indicator.get("id").asText()).append("` | ")
                    .append(cell(indicator.get("label").asText())).append(" | ")
                    .append(indicator.get("kind").asText()).append(" | ")
                    .append(indicator.get("unit").asText()).append(" | ")
                    .append(String.join(", ", dimensions)).append(" | ")
                    .append(cell(indicator.get("description").asText())).append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text)
    {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
