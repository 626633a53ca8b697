package org.jijukirwa.dashboard.cooperative;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.CooperativeStoryFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cooperative endpoints over {@link CooperativeStoryFixture}, with its hand-worked figures, and their errors (never a 500). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperativeControllerTest
{
    private String snapshot;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("cooperatives", warehouse -> snapshot = CooperativeStoryFixture.cooperatives().publishTo(warehouse));

    @Test
    void anyoneFindsCooperativesByIdOrName()
    {
        ApiClient.Response response = server.api().get("/api/v1/cooperatives?q=Gas");

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("snapshot").asText()).isEqualTo(snapshot);
        assertThat(answer.get("limit").asInt()).isEqualTo(20);
        assertThat(ids(answer.get("rows"))).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        JsonNode first = answer.get("rows").get(0);
        assertThat(first.get("name").asText()).isEqualTo(CooperativeStoryFixture.NAME);
        assertThat(first.get("district").asText()).isEqualTo("Gasabo");
        assertThat(first.get("province").asText()).isEqualTo("Kigali City");
        assertThat(first.get("value_chain").asText()).isEqualTo("tailoring");
        assertThat(ids(server.api().get("/api/v1/cooperatives?q=coop-kic-0001").json().get("rows"))).containsExactly("COOP-KIC-0001");
        assertThat(server.api().get("/api/v1/cooperatives?q=coop&limit=1").json().get("rows")).hasSize(1);
    }

    @Test
    void thePublicSeesTheStoryWithoutCountsOfPeople()
    {
        ApiClient.Response response = server.api().get("/api/v1/cooperatives/COOP-GAS-0001");

        assertThat(response.status()).isEqualTo(200);
        JsonNode profile = response.json();
        assertThat(profile.get("as_of").asText()).isEqualTo("2020-06-30");
        assertThat(profile.get("name").asText()).isEqualTo(CooperativeStoryFixture.NAME);
        assertThat(profile.get("value_chain_label").asText()).isEqualTo("Tailoring and garment making");
        List<String> steps = new ArrayList<>();
        profile.get("funnel").forEach(step -> steps.add(step.get("step").asText() + " " + step.get("reached_on").asText()
                + " " + step.get("days_since_previous").asText() + " " + step.get("days_since_formed").asText()));
        assertThat(steps).containsExactly("formed 2019-02-10 null 0", "trained 2019-03-20 38 38", "applied 2019-04-01 12 50",
                "registered 2019-05-20 49 99", "bdc_linked 2019-09-01 104 203", "union_affiliated null null null");
        assertThat(profile.at("/trainings/0/session_id").asText()).isEqualTo("TRN-12-01");
        assertThat(profile.at("/trainings/1/topic").asText()).isEqualTo("business_plan");
        assertThat(profile.at("/trainings/0/attendees").isMissingNode()).isTrue();
        assertThat(profile.at("/visits/1/maturity_score").asInt()).isEqualTo(65);
        assertThat(profile.at("/visits/0/visited_on").asText()).isEqualTo("2019-06-01");
        assertThat(profile.get("last_visited_on").asText()).isEqualTo("2020-02-01");
        assertThat(profile.at("/stuck/is_unregistered").asBoolean()).isFalse();
        assertThat(profile.at("/stuck/is_unvisited").asBoolean()).isFalse();
        assertThat(profile.get("member_counts_shown").asBoolean()).isFalse();
        assertThat(profile.has("members")).isFalse();
        // a member's id or hashed national id is never served, to anyone
        assertThat(response.body()).doesNotContain("MEM-", "uuid:");
    }

    @Test
    void managersAlsoSeeTheMembersEveryQuarterAndTheAttendees()
    {
        ApiClient.Response response = server.api().get("/api/v1/cooperatives/COOP-GAS-0001", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonNode profile = response.json();
        assertThat(profile.get("member_counts_shown").asBoolean()).isTrue();
        JsonNode members = profile.get("members");
        assertThat(members).hasSize(6);
        assertThat(members.get(3).get("counted_on").asText()).isEqualTo("2019-12-31");
        assertThat(members.get(3).get("members_active").asInt()).isEqualTo(1);
        JsonNode last = members.get(5);
        assertThat(last.get("counted_on").asText()).isEqualTo("2020-06-30");
        assertThat(last.get("members_active").asInt()).isEqualTo(2);
        assertThat(last.at("/by_sex/F").asInt()).isEqualTo(1);
        assertThat(last.at("/by_sex/U").asInt()).isEqualTo(1);
        assertThat(last.at("/by_age_band/16-30").asInt()).isEqualTo(1);
        assertThat(last.at("/by_age_band/unknown").asInt()).isEqualTo(1);
        assertThat(profile.at("/trainings/0/attendees").asInt()).isEqualTo(2);
        assertThat(profile.at("/trainings/1/attendees").asInt()).isEqualTo(2);
        assertThat(response.body()).doesNotContain("MEM-", "uuid:");
    }

    @Test
    void theStuckRuleTakesItsDaysFromTheRequest()
    {
        JsonNode stuck = server.api().get("/api/v1/cooperatives/COOP-GAS-0001?unvisited_days=149").json().get("stuck");
        assertThat(stuck.get("unvisited_days").asInt()).isEqualTo(149);
        assertThat(stuck.get("is_unvisited").asBoolean()).isTrue();
        JsonNode never = server.api().get("/api/v1/cooperatives/COOP-GAS-0002").json().get("stuck");
        assertThat(never.get("is_unregistered").asBoolean()).isTrue();
        assertThat(never.get("is_unvisited").asBoolean()).isTrue();
    }

    @Test
    void anUnknownCooperativeIsNotFoundWithAMessage()
    {
        ApiClient.Response response = server.api().get("/api/v1/cooperatives/COOP-XXX-9999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).contains("no cooperative 'COOP-XXX-9999'");
        assertThat(response.json().get("parameter").asText()).isEqualTo("id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/cooperatives/COOP%20GAS%27%3B--|id",
            "/api/v1/cooperatives/-COOP|id",
            "/api/v1/cooperatives/COOP-GAS-0001?unvisited_days=soon|unvisited_days",
            "/api/v1/cooperatives/COOP-GAS-0001?unregistered_days=-3|unregistered_days",
            "/api/v1/cooperatives/COOP-GAS-0001?by=sex|by",
            "/api/v1/cooperatives|q",
            "/api/v1/cooperatives?q=|q",
            "/api/v1/cooperatives?q=gas&limit=1000|limit",
            "/api/v1/cooperatives?q=gas&limit=ten|limit",
            "/api/v1/cooperatives?name=gas|name",
    })
    void aBadRequestIsA400NamingItsParameter(String uri, String parameter)
    {
        ApiClient.Response response = server.api().get(uri);

        assertThat(response.status()).as(uri).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).as(uri).isEqualTo(parameter);
        assertThat(response.json().get("error").asText()).as(uri).isNotBlank();
    }

    @Test
    void aVeryLongIdIsABadRequest()
    {
        assertThat(server.api().get("/api/v1/cooperatives/" + "A".repeat(300)).status()).isEqualTo(400);
        assertThat(server.api().get("/api/v1/cooperatives?q=" + "a".repeat(101)).status()).isEqualTo(400);
    }

    @Test
    void theListBehindACellIsForManagers()
    {
        assertThat(server.api().get("/api/v1/cooperative-list?district=Gasabo").status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/cooperative-list?district=Gasabo", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).status()).isEqualTo(403);
        assertThat(server.api().get("/api/v1/cooperative-list.csv?district=Gasabo").status()).isEqualTo(401);

        ApiClient.Response response = server.api().get("/api/v1/cooperative-list?district=Gasabo&value_chain=tailoring&sort=formed_on&order=desc",
                TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode list = response.json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.get("truncated").asBoolean()).isFalse();
        assertThat(list.at("/filters/district/0").asText()).isEqualTo("Gasabo");
        assertThat(ids(list.get("rows"))).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        JsonNode story = list.get("rows").get(0);
        assertThat(story.get("members_active").asInt()).isEqualTo(2);
        assertThat(story.get("last_maturity_score").asInt()).isEqualTo(65);
        assertThat(story.get("registered_on").asText()).isEqualTo("2019-05-20");
        assertThat(story.get("is_stuck_unregistered").asBoolean()).isFalse();
        JsonNode stuck = list.get("rows").get(1);
        assertThat(stuck.get("is_stuck_unregistered").asBoolean()).isTrue();
        assertThat(stuck.get("is_stuck_unvisited").asBoolean()).isTrue();
        assertThat(stuck.get("registered_on").isNull()).isTrue();
        assertThat(stuck.get("days_since_formed").asInt()).isEqualTo(546);
    }

    @Test
    void theListDownloadsAsCsv()
    {
        ApiClient.Response response = server.api().get("/api/v1/cooperative-list.csv?district=Kicukiro", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("cooperatives-2020-06-30.csv");
        assertThat(response.body().split("\r\n")).containsExactly(
                "cooperative_id,name,province,district,value_chain,formed_on,first_attended_on,applied_on,registered_on,bdc_linked_on,"
                        + "union_affiliated_on,last_visited_on,last_maturity_score,members_active,days_since_formed,is_stuck_unregistered,is_stuck_unvisited",
                "COOP-KIC-0001,Cooperative COOP-KIC-0001,Kigali City,Kicukiro,carpentry,2020-05-01,,,,,,,,1,60,false,false");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/cooperative-list?district=Atlantis|district",
            "/api/v1/cooperative-list?stage=famous|stage",
            "/api/v1/cooperative-list?sort=name%3B%20drop%20table%20x|sort",
            "/api/v1/cooperative-list?order=sideways|order",
            "/api/v1/cooperative-list?as_of=2020-02-30|as_of",
            "/api/v1/cooperative-list?as_of=1066-10-14|as_of",
            "/api/v1/cooperative-list?unvisited_days=99999999999|unvisited_days",
            "/api/v1/cooperative-list.csv?sex=F|sex",
    })
    void aBadListRequestIsA400NamingItsParameter(String uri, String parameter)
    {
        ApiClient.Response response = server.api().get(uri, TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(response.status()).as(uri).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).as(uri).isEqualTo(parameter);
    }

    private static List<String> ids(JsonNode rows)
    {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("cooperative_id").asText()));
        return ids;
    }
}
