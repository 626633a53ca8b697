package org.jijukirwa.dashboard.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpMethod;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.Multipart;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and the run queue over HTTP: what is stored where, what is refused and how. The ingest class path is a
 * folder without the ingest, so that each queued run fails at once: a failed run changes nothing served
 * (the real ingest through the queue is RunQueueIT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadControllerTest
{
    private static final String MEMBERS = "member_id,cooperative_id,sex,joined_on\nMEM-1,COOP-GAS-0001,F,2019-03-01\n";
    // sha256 of MEMBERS, from `printf 'member_id,...' | sha256sum`
    private static final String MEMBERS_SHA256 = "1dd7dcc3e5dd2233907a0039667ca0dd34ea9f518a142dedefe2cefe9e15264e";

    private String snapshot;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("uploads", warehouse -> snapshot = SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty("jijukirwa.uploads.max-file-size", "2KB")
            .withProperty("jijukirwa.ingest.classpath", "target/no-ingest-here")
            .withProperty("jijukirwa.ingest.heap", "64m");

    private HttpResponse<String> upload(Multipart parts, String user, String password)
    {
        return parts.post(server.url(), "/api/v1/uploads", user, password);
    }

    private HttpResponse<String> managerUpload(Multipart parts)
    {
        return upload(parts, TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
    }

    private static String error(HttpResponse<String> response)
    {
        return ApiClient.json(response.body()).get("error").asText();
    }

    @Test
    void aFileIsStoredByItsContentHashBesideTheWarehouseAndQueuesARunThatFailsWithoutChangingWhatIsServed()
            throws Exception
    {
        HttpResponse<String> response = managerUpload(new Multipart().file("file", "members_2020.csv", MEMBERS));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = ApiClient.json(response.body());
        JsonNode file = answer.get("files").get(0);
        assertThat(file.get("name").asText()).isEqualTo("members_2020.csv");
        assertThat(file.get("dataset").asText()).isEqualTo("members");
        assertThat(file.get("sha256").asText()).isEqualTo(MEMBERS_SHA256);
        assertThat(file.get("bytes").asLong()).isEqualTo(MEMBERS.length());
        assertThat(file.get("already_uploaded").asBoolean()).isFalse();
        Path stored = server.warehouse().resolve("inbox/files/" + MEMBERS_SHA256);
        assertThat(Files.readString(stored, StandardCharsets.UTF_8)).isEqualTo(MEMBERS);
        String runId = answer.get("run").get("id").asText();

        JsonNode run = awaitFinished(runId);
        assertThat(run.get("state").asText()).isEqualTo("failed");
        assertThat(run.get("message").asText()).isNotBlank().doesNotContain("\n");
        assertThat(run.get("snapshot").isNull()).isTrue();
        assertThat(server.api().get("/api/v1/health").json().get("snapshot").asText()).isEqualTo(snapshot);
        assertThat(Files.readString(server.warehouse().resolve("audit/audit.jsonl"))).contains("\"action\":\"upload\"").contains(MEMBERS_SHA256)
                .contains("\"action\":\"run-failed\"");
    }

    @Test
    void theSameContentUploadedAgainIsRecognisedAndQueuesNoRun()
    {
        managerUpload(new Multipart().file("file", "again.csv", "cooperative_id,district\nCOOP-1,12\n").field("dataset", "cooperatives"));

        HttpResponse<String> again = managerUpload(new Multipart().file("file", "renamed.csv", "cooperative_id,district\nCOOP-1,12\n").field("dataset", "cooperatives"));

        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode answer = ApiClient.json(again.body());
        assertThat(answer.get("files").get(0).get("already_uploaded").asBoolean()).isTrue();
        assertThat(answer.get("files").get(0).get("name").asText()).isEqualTo("again.csv");
        assertThat(answer.get("run").isNull()).isTrue();
    }

    @Test
    void aKindOfFileTheIngestDoesNotReadIsA400NamingTheAcceptedKinds()
    {
        HttpResponse<String> response = managerUpload(new Multipart().file("file", "members.txt", MEMBERS));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("'members.txt' is not a kind of file the ingest reads: upload CSV (.csv), JSON Lines (.jsonl, .ndjson), "
                + "KoboToolbox XLSX (.xlsx) or an ODK Central zip (.zip).");
    }

    @Test
    void eachOtherBadUploadIsA400WithItsSentence()
    {
        assertThat(error(managerUpload(new Multipart().file("file", "export.csv", MEMBERS))))
                .startsWith("Which dataset is 'export.csv'?");
        assertThat(error(managerUpload(new Multipart().file("file", "members.csv", MEMBERS).field("dataset", "coaching"))))
                .isEqualTo("'members.csv' is named as members but the upload is for coaching: rename the file or choose members.");
        assertThat(error(managerUpload(new Multipart().file("file", "x.csv", MEMBERS).field("dataset", "people"))))
                .isEqualTo("'people' is not a dataset; choose cooperatives, members, trainings, coaching.");
        assertThat(error(managerUpload(new Multipart().field("dataset", "members"))))
                .isEqualTo("Choose at least one field file to upload (the part 'file').");
        // an empty file part arrives as no file
        assertThat(error(managerUpload(new Multipart().file("file", "members.csv", ""))))
                .isEqualTo("Choose at least one field file to upload (the part 'file').");
        assertThat(error(managerUpload(new Multipart().file("file", "members.csv", MEMBERS).file("mapping", "mapping.json", "{not json"))))
                .startsWith("The mapping file 'mapping.json' is not JSON");
        assertThat(error(managerUpload(new Multipart().file("file", "members.csv", MEMBERS).file("mapping", "mapping.json", "[]"))))
                .isEqualTo("The mapping file 'mapping.json' must be a JSON object with a \"files\" list (see ingest/README.md, \"Mapping file\").");
        assertThat(error(managerUpload(new Multipart().file("file", "members.csv", MEMBERS).field("comment", "hello"))))
                .isEqualTo("'comment' is not a part of an upload; send file (one or more), mapping and dataset.");
    }

    @Test
    void aFileBeyondTheSizeLimitIsA413WithAMessage()
    {
        HttpResponse<String> response = managerUpload(new Multipart().file("file", "members.csv", "x".repeat(3000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response)).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.micronaut");
    }

    @Test
    void onlyManagersMayUploadOrRun()
    {
        Multipart parts = new Multipart().file("file", "members.csv", MEMBERS);
        assertThat(upload(parts, null, null).statusCode()).isEqualTo(401);
        assertThat(upload(parts, TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(server.api().get("/api/v1/run-queue").status()).isEqualTo(401);
        assertThat(server.api().get("/api/v1/run-queue", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).status()).isEqualTo(403);
        assertThat(server.api().send(HttpMethod.POST, "/api/v1/run-queue").status()).isEqualTo(401);
        ApiClient.Response queue = server.api().get("/api/v1/run-queue", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void theInboxIsNotServed()
    {
        assertThat(server.api().get("/inbox/index.jsonl").status()).isEqualTo(404);
        assertThat(server.api().get("/inbox/files/" + MEMBERS_SHA256).status()).isEqualTo(404);
    }

    private JsonNode awaitFinished(String runId)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode run : server.api().get("/api/v1/run-queue", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).json()) {
                if (run.get("id").asText().equals(runId) && !run.get("state").asText().matches("queued|running")) {
                    return run;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not finish in 60 s");
    }
}
