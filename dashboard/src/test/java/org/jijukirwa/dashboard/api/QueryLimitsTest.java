package org.jijukirwa.dashboard.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import org.jijukirwa.dashboard.errors.ApiError;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request past its time limit is a 503 with Retry-After, an answer or export beyond its cell bound a 400 saying what to narrow
 * (never a 500); one client gets at most its share of queries at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLimitsTest
{
    /** A time limit no real query keeps: every answer that reaches DuckDB is stopped. */
    @RegisterExtension
    final DashboardServer server = DashboardServer.over("query-limits", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty("jijukirwa.warehouse.query-timeout", "1ms");

    /** Cell bounds no real answer keeps (the small programme has more than two districts with cooperatives). */
    @RegisterExtension
    final DashboardServer capped = DashboardServer.over("query-caps", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty("jijukirwa.warehouse.max-answer-cells", "2")
            .withProperty("jijukirwa.warehouse.max-export-cells", "2");

    @Test
    void anAnswerOrExportPastTheTimeLimitIsA503WithRetryAfter()
    {
        for (String uri : new String[] {"/api/v1/indicators/members_active?by=district", "/api/v1/export/coops_formed.csv?by=value_chain"}) {
            ApiClient.Response response = server.api().get(uri);
            assertThat(response.status()).as(uri).isEqualTo(503);
            assertThat(response.header("Retry-After")).as(uri).isEqualTo("1");
            assertThat(response.json().get("error").asText()).as(uri)
                    .isEqualTo("The query was stopped after 1 ms, its time limit: ask for a shorter period, a coarser grain or fewer breakdowns, "
                            + "or ask again later.");
        }
        // what needs no query still answers
        assertThat(server.api().get("/api/v1/indicators").status()).isEqualTo(200);
    }

    @Test
    void theIatiDocumentsQueriesShareOneTimeLimit()
    {
        ApiClient.Response response = server.api().get("/api/v1/export/iati-results.xml");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("error").asText()).startsWith("The query was stopped after 1 ms, its time limit");
    }

    @Test
    void anAnswerOrExportOfMoreCellsThanItsBoundIsA400SayingWhatToNarrow()
    {
        ApiClient.Response answer = capped.api().get("/api/v1/indicators/coops_formed?by=district");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("by");
        assertThat(answer.json().get("error").asText())
                .matches("The answer would hold \\d+ cells; an answer holds at most 2: break it down by fewer dimensions, filter it "
                        + "\\(a district, a value chain\\), or ask for a shorter period or a coarser grain; or download it as an export "
                        + "\\(up to 2 cells\\)\\.");
        for (String format : new String[] {"csv", "json", "zip", "parquet"}) {
            ApiClient.Response export = capped.api().get("/api/v1/export/coops_formed." + format + "?by=district");
            assertThat(export.status()).as(format).isEqualTo(400);
            assertThat(export.json().get("error").asText()).as(format)
                    .matches("The export would hold \\d+ cells; an export holds at most 2: break it down by fewer dimensions, filter it "
                            + "\\(a district, a value chain\\), or ask for a shorter period or a coarser grain\\.");
        }
        // within the bound it answers
        assertThat(capped.api().get("/api/v1/indicators/coops_formed").status()).isEqualTo(200);
        assertThat(capped.api().get("/api/v1/export/coops_formed.csv").status()).isEqualTo(200);
    }

    @Test
    void aClientBeyondItsQueriesAtOnceGets429UntilOneEnds()
    {
        ClientQueryLimitFilter filter = new ClientQueryLimitFilter(2);
        MutableHttpRequest<?> first = HttpRequest.GET("/api/v1/indicators/members_active");
        MutableHttpRequest<?> second = HttpRequest.GET("/api/v1/indicators/coops_formed");
        MutableHttpRequest<?> third = HttpRequest.GET("/api/v1/export/members_active.csv");
        assertThat(filter.enter(first)).isNull();
        assertThat(filter.enter(second)).isNull();
        HttpResponse<ApiError> refused = filter.enter(third);
        assertThat(refused.code()).isEqualTo(429);
        assertThat(refused.getHeaders().get("Retry-After")).isEqualTo("1");
        assertThat(refused.body().error())
                .isEqualTo("Too many queries at once from your address: at most 2 answers or exports at a time. Wait for one to finish, then ask again.");
        // the refused one held nothing: its response frees no slot
        filter.exit(third, HttpResponse.ok());
        assertThat(filter.enter(HttpRequest.GET("/api/v1/indicators/x")).code()).isEqualTo(429);
        filter.exit(first, HttpResponse.ok());
        filter.exit(first, HttpResponse.ok());  // once only
        assertThat(filter.enter(third)).isNull();
        assertThat(filter.enter(HttpRequest.GET("/api/v1/indicators/x")).code()).isEqualTo(429);
    }
}
