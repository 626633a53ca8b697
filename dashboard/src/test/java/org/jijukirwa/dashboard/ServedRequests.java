package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The requests the end-to-end tests send to a server over an ingested input, one list per input: the worked example's
 * (every request of its expected/answers.json, as {@link EndToEndIT} checks them) and the sample's ({@link DataSamplesIT}).
 * {@link ClusterIngestIT} sends the same lists to a snapshot the cluster made and one a local run made.
 */
final class ServedRequests
{
    static final Path WORKED_EXAMPLE = IngestProcess.REPOSITORY.resolve("testdata/spec-example");
    static final Path DATA_SAMPLES = IngestProcess.REPOSITORY.resolve("data-samples");

    static final Request QUARANTINE_AS_ADMIN = Request.as("/api/v1/quarantine?limit=1000", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    static final Request QUARANTINE_ANONYMOUS = Request.anonymous("/api/v1/quarantine");
    static final Request QUARANTINE_AS_MANAGER = Request.as("/api/v1/quarantine", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedRequests()
    {
    }

    /** One GET: anonymous when user is null, else signed in with basic authentication. */
    record Request(String pathAndQuery, String user, String password)
    {
        Request
        {
            requireNonNull(pathAndQuery, "pathAndQuery is null");
        }

        static Request anonymous(String pathAndQuery)
        {
            return new Request(pathAndQuery, null, null);
        }

        static Request as(String pathAndQuery, String user, String password)
        {
            return new Request(pathAndQuery, requireNonNull(user, "user is null"), requireNonNull(password, "password is null"));
        }

        HttpResponse<String> send(HttpClient http, URI server)
                throws IOException, InterruptedException
        {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET();
            if (user != null) {
                String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                request.header("Authorization", "Basic " + credentials);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override
        public String toString()
        {
            return pathAndQuery + (user == null ? "" : " as " + user);
        }
    }

    /** Every request of the worked example's expected/answers.json (anonymous, as there). */
    static List<Request> workedExample()
    {
        try {
            List<Request> requests = new ArrayList<>();
            for (JsonNode example : JSON.readTree(WORKED_EXAMPLE.resolve("expected/answers.json").toFile())) {
                requests.add(Request.anonymous(example.get("request").asText()));
            }
            return requests;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A count indicator by province, anonymous: what the sample's figures are checked against the raw files with. */
    static Request byProvince(String indicator)
    {
        return Request.anonymous("/api/v1/indicators/" + indicator + "?by=province");
    }

    /** Every request {@link DataSamplesIT} sends to the sample's snapshot. */
    static List<Request> dataSamples()
    {
        return List.of(QUARANTINE_AS_ADMIN, QUARANTINE_ANONYMOUS, QUARANTINE_AS_MANAGER, byProvince("coops_formed"), byProvince("coops_registered"));
    }
}
