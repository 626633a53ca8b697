package org.jijukirwa.dashboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpMethod;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.dashboard.testing.JsonNodes.fieldNames;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorControllerTest
{
    private String snapshotId;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("indicators", warehouse -> snapshotId = SnapshotFixture.smallProgramme().publishTo(warehouse));

    @Test
    void catalogueListsEveryIndicatorWithItsShape()
    {
        ApiClient.Response response = server.api().get("/api/v1/indicators");

        assertThat(response.status()).isEqualTo(200);
        JsonNode catalogue = response.json();
        List<String> ids = new ArrayList<>();
        catalogue.forEach(entry -> ids.add(entry.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(
                "coops_formed", "coops_registered", "formalisation_rate", "bdc_access_rate", "union_affiliation_rate",
                "coops_trained_rate", "median_days_to_registration", "formation_target_attainment", "registration_target_attainment",
                "members_active", "member_formalisation_rate", "women_share", "youth_share", "persons_reached",
                "training_sessions", "training_target_attainment", "attendances", "coaching_visits", "coops_coached_rate");
        for (JsonNode entry : catalogue) {
            List<String> fields = new ArrayList<>();
            entry.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("id", "label", "description", "kind", "unit", "dimensions");
            assertThat(entry.get("label").asText()).isNotBlank();
            assertThat(entry.get("description").asText()).isNotBlank();
        }
        JsonNode formalisation = find(catalogue, "formalisation_rate");
        assertThat(formalisation.get("kind").asText()).isEqualTo("stock");
        assertThat(formalisation.get("unit").asText()).isEqualTo("rate");
        assertThat(formalisation.get("dimensions")).isEqualTo(ApiClient.json("[\"province\", \"district\", \"value_chain\"]"));
        JsonNode visits = find(catalogue, "coaching_visits");
        assertThat(visits.get("kind").asText()).isEqualTo("flow");
        assertThat(visits.get("unit").asText()).isEqualTo("count");
        assertThat(find(catalogue, "median_days_to_registration").get("unit").asText()).isEqualTo("days");
    }

    @Test
    void countByDistrictAsOfADate()
    {
        // registered by 2019-12-31: COOP-BUG-0001, COOP-GAS-0001, COOP-HUY-0001, COOP-KIC-0001; Nyarugenge has none, so no row
        ApiClient.Response response = server.api().get("/api/v1/indicators/coops_registered?by=district&as_of=2019-12-31");

        assertThat(response.status()).isEqualTo(200);
        assertThat(withoutLineage(response)).isEqualTo(ApiClient.json("""
                {"indicator": "coops_registered", "kind": "stock", "unit": "count", "by": ["district"],
                 "snapshot": "%s", "as_of": "2019-12-31",
                 "rows": [
                   {"district": "Bugesera", "numerator": 1, "denominator": null, "value": 1, "suppressed": false},
                   {"district": "Gasabo", "numerator": 1, "denominator": null, "value": 1, "suppressed": false},
                   {"district": "Huye", "numerator": 1, "denominator": null, "value": 1, "suppressed": false},
                   {"district": "Kicukiro", "numerator": 1, "denominator": null, "value": 1, "suppressed": false}]}
                """.formatted(snapshotId)));
    }

    @Test
    void totalCountDefaultsToTheSnapshotsAsOfDate()
    {
        ApiClient.Response response = server.api().get("/api/v1/indicators/coops_formed");

        assertThat(response.status()).isEqualTo(200);
        // keys in the documented order, counts as JSON integers, null written out
        assertThat(response.body()).startsWith("""
                {"indicator":"coops_formed","kind":"stock","unit":"count","by":[],"snapshot":"%s","as_of":"2020-06-30",\
                "lineage":{""".formatted(snapshotId));
        assertThat(response.body()).endsWith("""
                },"rows":[{"numerator":8,"denominator":null,"value":8,"suppressed":false}]}""");
    }

    @Test
    void rateByProvince()
    {
        // formed / registered by 2020-06-30: Eastern 1/1, Kigali City 5/3 (GAS-0001, GAS-0002, KIC-0001), Southern 2/1
        ApiClient.Response response = server.api().get("/api/v1/indicators/formalisation_rate?by=province");

        assertThat(response.status()).isEqualTo(200);
        assertThat(withoutLineage(response)).isEqualTo(ApiClient.json("""
                {"indicator": "formalisation_rate", "kind": "stock", "unit": "rate", "by": ["province"],
                 "snapshot": "%s", "as_of": "2020-06-30",
                 "rows": [
                   {"province": "Eastern", "numerator": 1, "denominator": 1, "value": 1.0, "suppressed": false},
                   {"province": "Kigali City", "numerator": 3, "denominator": 5, "value": 0.6, "suppressed": false},
                   {"province": "Southern", "numerator": 1, "denominator": 2, "value": 0.5, "suppressed": false}]}
                """.formatted(snapshotId)));
    }

    @Test
    void quarterlyTimeSeriesOfAStock()
    {
        // formed by 31 Mar: BUG, KIC, GAS-0001; by 30 Jun also GAS-0002, HUY-0001; by 31 Dec also GAS-0003
        ApiClient.Response response = server.api().get("/api/v1/indicators/coops_formed?grain=quarter&from=2019-01-01&to=2019-12-31");

        assertThat(response.status()).isEqualTo(200);
        assertThat(withoutLineage(response)).isEqualTo(ApiClient.json("""
                {"indicator": "coops_formed", "kind": "stock", "unit": "count", "by": [],
                 "snapshot": "%s", "from": "2019-01-01", "to": "2019-12-31", "grain": "quarter",
                 "rows": [
                   {"period": "2019-Q1", "numerator": 3, "denominator": null, "value": 3, "suppressed": false},
                   {"period": "2019-Q2", "numerator": 5, "denominator": null, "value": 5, "suppressed": false},
                   {"period": "2019-Q3", "numerator": 5, "denominator": null, "value": 5, "suppressed": false},
                   {"period": "2019-Q4", "numerator": 6, "denominator": null, "value": 6, "suppressed": false}]}
                """.formatted(snapshotId)));
    }

    @Test
    void publicViewShowsProtectedCountsThatAddUp()
    {
        // active members: Gasabo 3, Kicukiro 7, Nyarugenge 6 (16). The public sees sums of base cells rounded to
        // multiples of k = 5: every figure is a multiple of 5, the districts add up to the total, nothing is suppressed
        ApiClient.Response response = server.api().get("/api/v1/indicators/members_active?by=district");

        assertThat(response.status()).isEqualTo(200);
        JsonNode rows = response.json().get("rows");
        long sum = 0;
        for (JsonNode row : rows) {
            assertThat(row.get("value").asLong() % 5).as("%s", row).isZero();
            assertThat(row.get("value").asLong()).as("%s: rows of 0 are omitted", row).isPositive();
            assertThat(row.get("numerator")).isEqualTo(row.get("value"));
            assertThat(row.get("suppressed").asBoolean()).isFalse();
            assertThat(row.has("suppression")).isFalse();
            sum += row.get("value").asLong();
        }
        JsonNode total = server.api().get("/api/v1/indicators/members_active").json().get("rows");
        assertThat(sum).isEqualTo(total.isEmpty() ? 0 : total.get(0).get("value").asLong());
        // the same figure in every answer: a district's row is the same filtered or not
        for (JsonNode row : rows) {
            String district = row.get("district").asText();
            assertThat(server.api().get("/api/v1/indicators/members_active?by=district&district=" + district).json().get("rows").get(0).get("value"))
                    .isEqualTo(row.get("value"));
        }
    }

    @Test
    void managerSeesTheExactCells()
    {
        String expected = """
                {"indicator": "members_active", "kind": "stock", "unit": "count", "by": ["district"],
                 "snapshot": "%s", "as_of": "2020-06-30",
                 "rows": [
                   {"district": "Gasabo", "numerator": 3, "denominator": null, "value": 3, "suppressed": false},
                   {"district": "Kicukiro", "numerator": 7, "denominator": null, "value": 7, "suppressed": false},
                   {"district": "Nyarugenge", "numerator": 6, "denominator": null, "value": 6, "suppressed": false}]}
                """.formatted(snapshotId);

        ApiClient.Response manager = server.api().get("/api/v1/indicators/members_active?by=district", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        assertThat(manager.status()).isEqualTo(200);
        assertThat(withoutLineage(manager)).isEqualTo(ApiClient.json(expected));

        ApiClient.Response admin = server.api().get("/api/v1/indicators/members_active?by=district", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(withoutLineage(admin)).isEqualTo(ApiClient.json(expected));

        // a signed-in user without the manager role gets the public view
        ApiClient.Response visitor = server.api().get("/api/v1/indicators/members_active?by=district", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD);
        assertThat(visitor.json()).isEqualTo(server.api().get("/api/v1/indicators/members_active?by=district").json());
        assertThat(visitor.json().get("rows")).allSatisfy(row -> assertThat(row.get("value").asLong() % 5).isZero());
    }

    @Test
    void wrongPasswordIsRefused()
    {
        ApiClient.Response response = server.api().get("/api/v1/indicators/members_active?by=district", TestUsers.MANAGER, "not-the-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Kicukiro");
    }

    @Test
    void unknownDimensionIsABadRequestNamingBy()
    {
        assertBadRequest("/api/v1/indicators/coops_formed?by=sex", "by");
        assertBadRequest("/api/v1/indicators/coops_formed?by=colour", "by");
    }

    @Test
    void requestsThatWouldPinTheServerAreBadRequestsSayingWhatToNarrow()
    {
        // the centuries-wide, negative-date and huge-export requests of issue 18, refused before any SQL runs
        assertBadRequest("/api/v1/indicators/members_active?from=0001-01-01&to=9999-12-31&grain=month", "from");
        assertBadRequest("/api/v1/indicators/formalisation_rate?by=district,value_chain&grain=month&from=1900-01-01&to=2100-12-31", "grain");
        assertBadRequest("/api/v1/indicators/coops_formed?as_of=-9999-01-01", "as_of");
        assertBadRequest("/api/v1/export/iati-results.xml?from=-2019-01-01", "from");
        assertBadRequest("/api/v1/export/members_active.csv?grain=month&from=1950-01-01&to=2010-12-31", "grain");
    }

    @Test
    void impossibleDateIsABadRequestNamingAsOf()
    {
        assertBadRequest("/api/v1/indicators/formalisation_rate?as_of=2019-02-30", "as_of");
        assertBadRequest("/api/v1/indicators/formalisation_rate?as_of=30/06/2020", "as_of");
    }

    @Test
    void unknownDistrictIsABadRequestNamingDistrict()
    {
        assertBadRequest("/api/v1/indicators/formalisation_rate?district=Atlantis", "district");
    }

    @Test
    void unknownParameterIsABadRequestNamingIt()
    {
        assertBadRequest("/api/v1/indicators/formalisation_rate?colour=red", "colour");
    }

    @Test
    void unknownIndicatorIsNotFoundNamingId()
    {
        ApiClient.Response response = server.api().get("/api/v1/indicators/no_such_indicator");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("parameter").asText()).isEqualTo("id");
        assertThat(body.get("error").asText()).contains("no_such_indicator");
        assertThat(fieldNames(body)).containsExactly("error", "parameter");
    }

    @Test
    void unknownApiPathIsJsonNotFound()
    {
        ApiClient.Response response = server.api().get("/api/v1/nothing/here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(fieldNames(response.json())).containsExactly("error");
    }

    @Test
    void wrongMethodIsJsonMethodNotAllowed()
    {
        ApiClient.Response response = server.api().send(HttpMethod.DELETE, "/api/v1/indicators/coops_formed");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error").asText()).contains("DELETE");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders()
    {
        for (ApiClient.Response response : List.of(
                server.api().get("/api/v1/indicators"),
                server.api().get("/api/v1/indicators/no_such_indicator"),
                server.api().get("/api/v1/runs"),
                server.api().get("/"))) {
            assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; img-src 'self' data:; style-src 'self'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void dashboardPageIsServedAtTheRoot()
    {
        ApiClient.Response page = server.api().get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<title>Jijukirwa", "src=\"assets/app.js\"");
        // the Content-Security-Policy refuses inline code and styles, so the page must have none
        assertThat(page.body()).doesNotContain("<style", "style=", "onclick", "<script>");

        ApiClient.Response script = server.api().get("/assets/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
    }

    private void assertBadRequest(String uri, String parameter)
    {
        ApiClient.Response response = server.api().get(uri);

        assertThat(response.status()).as(uri).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("error", "parameter");
        assertThat(body.get("parameter").asText()).as(uri).isEqualTo(parameter);
        assertThat(body.get("error").asText()).as(uri).isNotBlank();
    }

    private static JsonNode find(JsonNode catalogue, String id)
    {
        for (JsonNode entry : catalogue) {
            if (entry.get("id").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + catalogue);
    }

    /**
     * The answer without its lineage, which says where the figure comes from: the lineage is checked once, here, to
     * name the answer's snapshot and indicator (LineageIT checks the rest against real runs).
     */
    private JsonNode withoutLineage(ApiClient.Response response)
    {
        ObjectNode answer = (ObjectNode) response.json().deepCopy();
        JsonNode lineage = answer.remove("lineage");
        assertThat(lineage.at("/snapshot/id").asText()).isEqualTo(answer.get("snapshot").asText());
        assertThat(lineage.at("/indicator/id").asText()).isEqualTo(answer.get("indicator").asText());
        return answer;
    }
}
