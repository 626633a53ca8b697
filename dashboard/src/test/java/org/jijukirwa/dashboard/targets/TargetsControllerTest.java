package org.jijukirwa.dashboard.targets;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET and PUT /api/v1/targets over real HTTP: the bundled targets first, an admin's edit stored by content hash in the
 * inbox with its audit entry, every refusal (400 with its sentence and field, 415, 401, 403, CSRF).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetsControllerTest
{
    private static final Path BUNDLED_TARGETS = Path.of("..", "reference", "targets.csv");

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("targets", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));

    @Test
    @Order(1)
    void beforeAnyEditTheBundledTargetsAreInForce()
            throws Exception
    {
        ApiClient.Response response = server.api().get("/api/v1/targets", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        JsonNode answer = response.json();
        assertThat(answer.get("source").asText()).isEqualTo("bundled");
        assertThat(answer.get("sha256").asText()).isEqualTo(sha256(Files.readAllBytes(BUNDLED_TARGETS)));
        assertThat(answer.get("edited_by").isNull()).isTrue();
        assertThat(answer.get("target_names")).extracting(JsonNode::asText).containsExactly("coops_formed", "training_sessions", "coops_registered");
        assertThat(answer.get("districts")).hasSize(30);
        // 30 districts x (formed, sessions) + the programme's registrations
        assertThat(answer.get("targets")).hasSize(61);
        assertThat(answer.get("targets").get(1)).isEqualTo(ApiClient.json("""
                {"target": "coops_formed", "district": "Gasabo", "district_code": "12", "value": 29}"""));
        assertThat(answer.get("targets").get(60)).isEqualTo(ApiClient.json("""
                {"target": "coops_registered", "district": null, "district_code": null, "value": 214}"""));
    }

    @Test
    @Order(2)
    void anAdminsEditIsStoredByContentHashInTheInboxWithAnAuditEntry()
            throws Exception
    {
        String body = bundledWith("coops_formed", "Gasabo", "40");

        ApiClient.Response response = put(body, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("source").asText()).isEqualTo("edited");
        assertThat(answer.get("edited_by").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(answer.get("applied").asBoolean()).isFalse();
        assertThat(answer.get("message").asText()).isEqualTo("Saved: the targets apply from the next run.");
        assertThat(answer.get("targets").get(1).get("value").asLong()).isEqualTo(40);
        String sha256 = answer.get("sha256").asText();
        Path stored = server.warehouse().resolve("inbox/targets/" + sha256 + ".csv");
        String expected = Files.readString(BUNDLED_TARGETS).replace("coops_formed,12,29\n", "coops_formed,12,40\n");
        assertThat(Files.readString(stored)).isEqualTo(expected);
        assertThat(sha256(Files.readAllBytes(stored))).isEqualTo(sha256);
        String audit = Files.readString(server.warehouse().resolve("audit/audit.jsonl"));
        assertThat(audit.lines().filter(line -> line.contains("\"action\":\"targets-edited\"")).toList()).singleElement().asString()
                .contains("\"user\":\"ange\"")
                .contains("targets.csv sha256=" + sha256 + " (was " + sha256(Files.readAllBytes(BUNDLED_TARGETS)) + "): coops_formed Gasabo 29 -> 40");
        assertThat(server.api().get("/api/v1/targets", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json().get("sha256").asText()).isEqualTo(sha256);

        // the same targets again: unchanged, no second entry
        ApiClient.Response again = put(body, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(again.json().get("message").asText()).isEqualTo("The targets are unchanged.");
        assertThat(Files.readString(server.warehouse().resolve("audit/audit.jsonl")).lines().filter(line -> line.contains("targets-edited"))).hasSize(1);
        // never served
        assertThat(server.api().get("/inbox/targets/" + sha256 + ".csv").status()).isEqualTo(404);
        assertThat(server.api().get("/inbox/targets/edits.jsonl").status()).isEqualTo(404);
    }

    @Test
    void eachBadSetOfTargetsIsA400WithItsSentenceAndField()
    {
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"targets\": [{\"target\": \"coops_trained\", \"district\": \"Gasabo\", \"value\": 3}]}", List.of("targets[0].target",
                "Target 1: 'coops_trained' is not a target; the targets are coops_formed, training_sessions, coops_registered."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Kigali North\", \"value\": 3}]}", List.of("targets[0].district",
                "Target 1: 'Kigali North' is not one of the 30 districts (give its name or NISR code, or null for a programme-wide target)."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"12\", \"value\": -5}]}", List.of("targets[0].value",
                "Target 1 (coops_formed, Gasabo): -5 is not a plausible target; give a whole number from 1 to 100,000, or leave the cell empty for no target."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"gasabo\", \"value\": 0}]}", List.of("targets[0].value",
                "Target 1 (coops_formed, Gasabo): 0 is not a plausible target; give a whole number from 1 to 100,000, or leave the cell empty for no target."));
        cases.put("{\"targets\": [{\"target\": \"coops_registered\", \"district\": null, \"value\": 2000000}]}", List.of("targets[0].value",
                "Target 1 (coops_registered, the programme): 2000000 is not a plausible target; give a whole number from 1 to 100,000, or leave the cell empty for no target."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Huye\", \"value\": 2.5}]}", List.of("targets[0].value",
                "Target 1 (coops_formed, Huye): the value must be a whole number, not 2.5."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Huye\", \"value\": \"29\"}]}", List.of("targets[0].value",
                "Target 1 (coops_formed, Huye): the value must be a whole number, not \"29\"."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Huye\", \"value\": 29}, {\"target\": \"coops_formed\", \"district\": \"24\", \"value\": 30}]}",
                List.of("targets[1]", "Targets 1 and 2 are both coops_formed for Huye: give each target once per district and once for the programme."));
        cases.put("{\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Huye\", \"value\": 29, \"period\": \"2020\"}]}", List.of("targets[0].period",
                "Target 1: 'period' is not a field of a target; send target, district and value."));
        cases.put("{\"targets\": []}", List.of("targets", "Send at least one target: without any, no attainment could be computed."));
        cases.put("[]", List.of("targets", "Send a JSON object with a \"targets\" list: {\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Gasabo\", \"value\": 29}]}."));
        cases.put("{\"targets\": [], \"note\": 1}", List.of("note", "'note' is not a field of the targets; send only \"targets\"."));
        for (Map.Entry<String, List<String>> bad : cases.entrySet()) {
            ApiClient.Response response = put(bad.getKey(), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.json()).as(bad.getKey()).isEqualTo(ApiClient.json("{\"error\": %s, \"parameter\": \"%s\"}".formatted(
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(bad.getValue().get(1)).toString(), bad.getValue().get(0))));
        }
        ApiClient.Response notJson = put("{\"targets\": [", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).startsWith("The body is not JSON: ");
    }

    @Test
    void aBodyThatIsNotJsonIsA415WithASentence()
    {
        ApiClient.Response text = server.api().send(HttpRequest.PUT("/api/v1/targets", "coops_formed,12,40")
                .contentType(MediaType.TEXT_PLAIN_TYPE).basicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));
        ApiClient.Response form = server.api().send(HttpRequest.PUT("/api/v1/targets", "target=coops_formed")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).basicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("error").asText()).isEqualTo("Send the targets as JSON (Content-Type: application/json), not text/plain.");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("error").asText()).isEqualTo("Send the targets as JSON (Content-Type: application/json), not application/x-www-form-urlencoded.");
    }

    @Test
    void managersReadAdminsEditOthersAreRefused()
    {
        String body = bundledWith("coops_formed", "Huye", "31");
        assertThat(server.api().get("/api/v1/targets").status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/targets", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).status()).isEqualTo(403);
        assertThat(server.api().send(HttpRequest.PUT("/api/v1/targets", body).contentType(MediaType.APPLICATION_JSON_TYPE)).status()).isEqualTo(401);
        ApiClient.Response manager = put(body, TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.json().get("error").asText()).isEqualTo("Your account may not see this.");
        assertThat(put(body, TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void aSessionsEditNeedsItsCsrfToken()
    {
        ApiClient.Response signIn = server.api().send(HttpRequest.POST("/api/v1/session", Map.of("user", TestUsers.ADMIN, "password", TestUsers.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        String setCookie = signIn.response().getHeaders().getAll("Set-Cookie").stream().filter(cookie -> cookie.startsWith("jijukirwa_session=")).findFirst().orElseThrow();
        Cookie cookie = Cookie.of("jijukirwa_session", setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
        String token = signIn.json().get("csrf_token").asText();
        String body = bundledWith("training_sessions", "Musanze", "5");

        ApiClient.Response without = server.api().send(HttpRequest.PUT("/api/v1/targets", body).contentType(MediaType.APPLICATION_JSON_TYPE).cookie(cookie));
        ApiClient.Response forged = server.api().send(HttpRequest.PUT("/api/v1/targets", body).contentType(MediaType.APPLICATION_JSON_TYPE).cookie(cookie)
                .header("X-CSRF-Token", "forged"));

        for (ApiClient.Response refused : List.of(without, forged)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("This change was refused: it did not carry the page's security token (CSRF). Reload the page and try again.");
        }
        assertThat(server.api().get("/api/v1/targets", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json().get("targets").toString()).doesNotContain("\"Musanze\",\"district_code\":\"43\",\"value\":5");
        ApiClient.Response signed = server.api().send(HttpRequest.PUT("/api/v1/targets", body).contentType(MediaType.APPLICATION_JSON_TYPE).cookie(cookie)
                .header("X-CSRF-Token", token));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("edited_by").asText()).isEqualTo(TestUsers.ADMIN);
    }

    private ApiClient.Response put(String body, String user, String password)
    {
        MutableHttpRequest<String> request = HttpRequest.PUT("/api/v1/targets", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        return server.api().send(user == null ? request : request.basicAuth(user, password));
    }

    /** The bundled targets as a PUT body, with one target's value changed. */
    private String bundledWith(String target, String district, String value)
    {
        JsonNode targets = server.api().get("/api/v1/targets", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json().get("targets");
        StringBuilder body = new StringBuilder("{\"targets\": [");
        for (int i = 0; i < targets.size(); i++) {
            JsonNode entry = targets.get(i);
            boolean changed = entry.get("target").asText().equals(target) && district.equals(entry.get("district").asText(null));
            body.append(i == 0 ? "" : ", ").append("{\"target\": \"").append(entry.get("target").asText()).append("\", \"district\": ")
                    .append(entry.get("district").isNull() ? "null" : "\"" + entry.get("district").asText() + "\"").append(", \"value\": ")
                    .append(changed ? value : entry.get("value").asText()).append('}');
        }
        return body.append("]}").toString();
    }

    private static String sha256(byte[] bytes)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
