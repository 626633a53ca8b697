package org.jijukirwa.dashboard.docs;

import org.jijukirwa.dashboard.security.SecurityHeadersFilter;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsControllerTest
{
    private static final List<String> ENDPOINTS = List.of("/api/v1/indicators", "/api/v1/indicators/{id}", "/api/v1/health", "/api/v1/runs",
            "/api/v1/export/{id}.csv", "/api/v1/export/{id}.json", "/api/v1/export/{id}.parquet", "/api/v1/export/{id}.zip",
            "/api/v1/export/iati-results.xml", "/api/v1/reference", "/api/v1/quarantine",
            "/api/v1/cooperatives", "/api/v1/cooperatives/{id}", "/api/v1/cooperative-list", "/api/v1/cooperative-list.csv");

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("docs", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesEveryEndpointWithExamples()
    {
        ApiClient.Response response = server.api().get("/api/v1/openapi.yml");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/yaml");
        Map<String, Object> document = new Yaml().load(response.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        assertThat(paths.keySet()).containsAll(ENDPOINTS);
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) document.get("components");

        for (String endpoint : ENDPOINTS) {
            Map<String, Object> operation = (Map<String, Object>) paths.get(endpoint).get("get");
            assertThat(operation.get("summary")).as(endpoint).isNotNull();
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> described = resolve(components, parameter);
                assertThat(described.get("description")).as(endpoint + " " + parameter).isNotNull();
                assertThat(described.get("example")).as(endpoint + " " + parameter).isNotNull();
                assertThat(((Map<String, Object>) described.get("schema")).get("type")).as(endpoint + " " + parameter).isIn("string", "integer");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as(endpoint).containsKey("200");
            responses.forEach((status, answer) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    Map<String, Object> content = (Map<String, Object>) resolve(components, answer).get("content");
                    Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                    assertThat(json).as(endpoint + " " + status).isNotNull();
                    assertThat((Map<String, Object>) json.get("examples")).as(endpoint + " " + status).isNotEmpty();
                }
            });
        }
        List<String> indicatorParameters = ((List<Map<String, Object>>) ((Map<String, Object>) paths.get("/api/v1/export/{id}.csv").get("get"))
                .get("parameters")).stream().map(parameter -> resolve(components, parameter).get("name").toString()).toList();
        assertThat(indicatorParameters).containsExactly("id", "by", "as_of", "from", "to", "grain",
                "province", "district", "value_chain", "sex", "age_band", "topic");
        List<String> quarantineParameters = ((List<Map<String, Object>>) ((Map<String, Object>) paths.get("/api/v1/quarantine").get("get"))
                .get("parameters")).stream().map(parameter -> resolve(components, parameter).get("name").toString()).toList();
        assertThat(quarantineParameters).containsExactly("dataset", "file", "reason", "limit", "offset");
        assertThat(((Map<String, Object>) paths.get("/api/v1/quarantine").get("get")).get("security")).as("the quarantine needs an account").isNotNull();
        // what the query limits answer is documented where they apply: 429 per client, 503 with Retry-After when busy
        for (String limited : List.of("/api/v1/indicators/{id}", "/api/v1/export/{id}.csv", "/api/v1/export/{id}.parquet", "/api/v1/export/iati-results.xml")) {
            Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) paths.get(limited).get("get")).get("responses");
            assertThat(responses).as(limited).containsKeys("429", "503");
            for (String status : List.of("429", "503")) {
                Map<String, Object> headers = (Map<String, Object>) resolve(components, (Map<String, Object>) responses.get(status)).get("headers");
                assertThat(headers).as(limited + " " + status).containsKey("Retry-After");
            }
        }
        Map<String, Object> profile = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/cooperatives/{id}").get("get")).get("responses");
        assertThat(profile).containsKey("503");
    }

    @Test
    void swaggerUiIsServedFromTheWebjarUnderTheServersPolicy()
    {
        ApiClient.Response page = server.api().get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/api/docs/swagger-ui-bundle.js\"></script>")
                .contains("<script src=\"/api/docs/initializer.js\"></script>")
                .doesNotContain("https://");
        // checked in Chromium: Swagger UI loads, expands and runs requests without any inline script or style
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        ApiClient.Response bundle = server.api().get("/api/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).startsWith("text/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(server.api().get("/api/docs/swagger-ui.css").status()).isEqualTo(200);
        assertThat(server.api().get("/api/docs/initializer.js").body()).contains("'/api/v1/openapi.yml'");
        // only the files the page needs
        assertThat(server.api().get("/api/docs/oauth2-redirect.html").status()).isEqualTo(404);
        assertThat(server.api().get("/api/docs/swagger-initializer.js").status()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Map<String, Object>> components, Map<String, Object> node)
    {
        Object reference = node.get("$ref");
        if (reference == null) {
            return node;
        }
        String[] parts = reference.toString().split("/");
        // #/components/<kind>/<name>
        return (Map<String, Object>) components.get(parts[2]).get(parts[3]);
    }
}
