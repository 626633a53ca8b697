package org.jijukirwa.dashboard.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.dashboard.testing.JsonNodes.fieldNames;
import static org.jijukirwa.dashboard.testing.JsonNodes.texts;

/**
 * The quarantine is for admins only, and its personal data reaches no other endpoint. The small programme
 * with three rejected rows:
 * <pre>
 * dataset       file                              line  reasons
 * cooperatives  cooperatives/cooperatives.csv        4  unknown_district
 * members       members/members.csv                  9  unknown_cooperative, invalid_value:sex   (a name, phone and national ID)
 * members       members/members_2020.csv            17  invalid_date:joined_on
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarantineControllerTest
{
    // personal data that only the quarantine holds
    private static final String NAME = "Mukamana Odette";
    private static final String PHONE = "0788123456";
    private static final String NATIONAL_ID = "1199070012345678";

    private String snapshot;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("quarantine", warehouse -> {
        snapshot = SnapshotFixture.smallProgramme()
                .quarantined("members", "members/members_2020.csv", 17, "MEM-0017,COOP-GAS-0001,2019-02-30",
                        "{member_id='MEM-0017', joined_on='2019-02-30'}", "['invalid_date:joined_on']")
                .quarantined("cooperatives", "cooperatives/cooperatives.csv", 4, "COOP-XXX-0001,Kigali North,tailoring,2019-01-01",
                        "{cooperative_id='COOP-XXX-0001', district='Kigali North'}", "[unknown_district]")
                .quarantined("members", "members/members.csv", 9,
                        "MEM-0009,COOP-NOPE-0001,%s,%s,%s,X".formatted(NAME, PHONE, NATIONAL_ID),
                        "{member_id='MEM-0009', full_name='%s', phone='%s', national_id='%s', sex='X'}".formatted(NAME, PHONE, NATIONAL_ID),
                        "[unknown_cooperative, 'invalid_value:sex']")
                .publishTo(warehouse);
    });

    @Test
    void adminReadsTheRejectedRowsWithTheirRawTextAndCounts()
    {
        ApiClient.Response response = admin("/api/v1/quarantine");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        JsonNode page = response.json();
        assertThat(page.get("snapshot").asText()).isEqualTo(snapshot);
        assertThat(page.get("dataset").isNull()).isTrue();
        assertThat(page.get("file").isNull()).isTrue();
        assertThat(page.get("reason").isNull()).isTrue();
        assertThat(page.get("limit").asInt()).isEqualTo(100);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        // counts by dataset, then file, then reason
        assertThat(texts(page.get("counts"), "dataset", "source_file", "reason", "rows")).containsExactly(
                "cooperatives cooperatives/cooperatives.csv unknown_district 1",
                "members members/members.csv invalid_value:sex 1",
                "members members/members.csv unknown_cooperative 1",
                "members members/members_2020.csv invalid_date:joined_on 1");
        assertThat(fieldNames(page.get("counts").get(0))).containsExactly("dataset", "source_file", "reason", "rows");
        // file order: by dataset, file and line
        assertThat(texts(page.get("rows"), "dataset", "source_file", "source_line")).containsExactly(
                "cooperatives cooperatives/cooperatives.csv 4",
                "members members/members.csv 9",
                "members members/members_2020.csv 17");
        JsonNode member = page.get("rows").get(1);
        assertThat(fieldNames(member)).containsExactly("dataset", "source_file", "source_line", "reasons", "raw_text", "raw_values", "resolved");
        assertThat(member.get("reasons").toString()).isEqualTo("[\"unknown_cooperative\",\"invalid_value:sex\"]");
        assertThat(member.get("raw_text").asText()).isEqualTo("MEM-0009,COOP-NOPE-0001,Mukamana Odette,0788123456,1199070012345678,X");
        assertThat(member.get("raw_values").get("phone").asText()).isEqualTo(PHONE);
        assertThat(member.get("raw_values").get("sex").asText()).isEqualTo("X");
    }

    @Test
    void filtersAndPages()
    {
        JsonNode members = admin("/api/v1/quarantine?dataset=members&limit=1&offset=1").json();
        assertThat(members.get("dataset").asText()).isEqualTo("members");
        assertThat(members.get("total").asLong()).isEqualTo(2);
        assertThat(texts(members.get("rows"), "source_line")).containsExactly("17");

        // a reason family matches each of its columns
        JsonNode invalid = admin("/api/v1/quarantine?reason=invalid_value").json();
        assertThat(invalid.get("total").asLong()).isEqualTo(1);
        assertThat(texts(invalid.get("rows"), "source_line")).containsExactly("9");
        assertThat(texts(invalid.get("counts"), "reason", "rows")).containsExactly("invalid_value:sex 1", "unknown_cooperative 1");

        // a file, named as the counts name it
        JsonNode file = admin("/api/v1/quarantine?file=members/members.csv").json();
        assertThat(file.get("file").asText()).isEqualTo("members/members.csv");
        assertThat(file.get("total").asLong()).isEqualTo(1);
        assertThat(texts(file.get("rows"), "source_file", "source_line")).containsExactly("members/members.csv 9");
        assertThat(texts(file.get("counts"), "source_file", "reason")).containsExactly(
                "members/members.csv invalid_value:sex", "members/members.csv unknown_cooperative");

        JsonNode none = admin("/api/v1/quarantine?dataset=coaching").json();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("rows")).isEmpty();
        assertThat(none.get("counts")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dataset=people, dataset",
            "reason=unknown_place, reason",
            "limit=0, limit",
            "limit=1001, limit",
            "limit=all, limit",
            "offset=-5, offset",
            "file=members%0A.csv, file",
            "page=2, page"})
    void aBadParameterIsA400NamingIt(String query, String parameter)
    {
        ApiClient.Response response = admin("/api/v1/quarantine?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo(parameter);
        assertThat(response.json().get("error").asText()).isNotBlank();
    }

    @Test
    void theLargestPageIsAThousandRows()
    {
        assertThat(admin("/api/v1/quarantine?limit=1000").json().get("limit").asInt()).isEqualTo(1000);
    }

    @Test
    void anonymousRequestMustSignIn()
    {
        ApiClient.Response response = server.api().get("/api/v1/quarantine");

        assertThat(response.status()).isEqualTo(401);
        assertHoldsNoPersonalData(response.body());
    }

    @Test
    void managerMayNotReadTheQuarantine()
    {
        ApiClient.Response response = server.api().get("/api/v1/quarantine", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(response.status()).isEqualTo(403);
        assertHoldsNoPersonalData(response.body());
        assertThat(server.api().get("/api/v1/quarantine", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).status()).isEqualTo(403);
        assertThat(server.api().get("/api/v1/quarantine", TestUsers.ADMIN, TestUsers.MANAGER_PASSWORD).status()).isEqualTo(401);
    }

    /** Every other endpoint, for the public and for a manager: none may carry what only the quarantine holds. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/v1/health",
            "/api/v1/reference",
            "/api/v1/indicators",
            "/api/v1/indicators/coops_formed?by=district",
            "/api/v1/indicators/members_active?by=district,sex",
            "/api/v1/export/coops_formed.csv?by=district,value_chain",
            "/api/v1/export/members_active.json?by=district",
            "/api/v1/export/iati-results.xml",
            "/api/v1/runs",
            "/api/v1/openapi.yml",
            "/"})
    void noOtherEndpointServesTheQuarantine(String uri)
    {
        List<ApiClient.Response> responses = List.of(server.api().get(uri), server.api().get(uri, TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD));
        for (ApiClient.Response response : responses) {
            assertThat(response.status()).as(uri).isIn(200, 401);
            assertHoldsNoPersonalData(response.body());
            assertThat(response.body()).as(uri).doesNotContain("MEM-0009", "COOP-NOPE-0001", "Kigali North");
        }
    }

    private static void assertHoldsNoPersonalData(String body)
    {
        assertThat(body).doesNotContain(NAME, PHONE, NATIONAL_ID, "Mukamana");
    }

    private ApiClient.Response admin(String uri)
    {
        return server.api().get(uri, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    @Test
    void adminDownloadsADatasetsRowsInTheContractColumnsToCorrect()
            throws java.io.IOException
    {
        admin("/api/v1/quarantine?dataset=members");
        ApiClient.Response response = admin("/api/v1/quarantine/export.csv?dataset=members");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"members-quarantine-" + snapshot + ".csv\"");
        assertThat(response.body().split("\r\n")).containsExactly(
                "member_id,cooperative_id,national_id,full_name,phone,sex,birth_year,disability,joined_on,left_on,updated_at,"
                        + "quarantine_reasons,quarantine_source,quarantine_raw_text",
                "MEM-0009,,%s,%s,%s,X,,,,,,unknown_cooperative invalid_value:sex,members/members.csv:9,\"MEM-0009,COOP-NOPE-0001,%s,%s,%s,X\""
                        .formatted(NATIONAL_ID, NAME, PHONE, NAME, PHONE, NATIONAL_ID),
                "MEM-0017,,,,,,,,2019-02-30,,,invalid_date:joined_on,members/members_2020.csv:17,\"MEM-0017,COOP-GAS-0001,2019-02-30\"");
        assertThat(java.nio.file.Files.readString(server.warehouse().resolve("audit/audit.jsonl")))
                .contains("\"action\":\"quarantine-download\"").contains("\"action\":\"quarantine-view\"");

        // one file's rows only
        ApiClient.Response oneFile = admin("/api/v1/quarantine/export.csv?dataset=members&file=members/members_2020.csv");
        assertThat(oneFile.status()).isEqualTo(200);
        assertThat(oneFile.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(oneFile.body().split("\r\n")).hasSize(2);
        assertThat(oneFile.body().split("\r\n")[1]).startsWith("MEM-0017,").doesNotContain(NAME, PHONE, NATIONAL_ID);
        assertThat(java.nio.file.Files.readString(server.warehouse().resolve("audit/audit.jsonl")))
                .contains("file=members/members_2020.csv");
        // a file of another dataset: nothing to correct, the header only
        assertThat(admin("/api/v1/quarantine/export.csv?dataset=members&file=cooperatives/cooperatives.csv").body().split("\r\n")).hasSize(1);
    }

    @Test
    void theDownloadNeedsADatasetAndKnowsItsParameters()
    {
        ApiClient.Response noDataset = admin("/api/v1/quarantine/export.csv");
        assertThat(noDataset.status()).isEqualTo(400);
        assertThat(noDataset.json().get("parameter").asText()).isEqualTo("dataset");
        ApiClient.Response unknown = admin("/api/v1/quarantine/export.csv?dataset=members&limit=5");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("'limit' is not a parameter of the download; use dataset, file and reason.");
        assertThat(server.api().get("/api/v1/quarantine/export.csv?dataset=members").status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/quarantine/export.csv?dataset=members", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).status()).isEqualTo(403);
        assertThat(server.api().get("/api/v1/quarantine/export.csv?dataset=members&file=members/members.csv").status()).isEqualTo(401);
        ApiClient.Response badFile = admin("/api/v1/quarantine/export.csv?dataset=members&file=" + "x".repeat(1001));
        assertThat(badFile.status()).isEqualTo(400);
        assertThat(badFile.json().get("parameter").asText()).isEqualTo("file");
    }
}
