package org.jijukirwa.dashboard;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.snapshot.RunReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The ingest runs' reports, newest first: for managers only. */
@Controller("/api/v1/runs")
@Secured(UserAccount.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RunsController
{
    private final Warehouse warehouse;
    private final JsonMapper jsonMapper;

    public RunsController(Warehouse warehouse, JsonMapper jsonMapper)
    {
        this.warehouse = warehouse;
        this.jsonMapper = jsonMapper;
    }

    @Get
    @Operation(summary = "The ingest runs, newest first",
            description = "One entry per published snapshot: its id and the run report as the ingest wrote it (started, finished, "
                    + "as-of date, and per dataset and file the rows read, accepted, quarantined by reason, unchanged). Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "200", description = "The runs.", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = RunSummary.class)),
            examples = @ExampleObject(value = "[{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"report\": {\"as_of\": \"2020-06-30\", "
                    + "\"datasets\": {\"members\": {\"files\": [{\"file\": \"members.csv\", \"rows_read\": 16, \"accepted\": 16, "
                    + "\"quarantined\": {}, \"unchanged\": 0}]}}}}]")))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    public List<RunSummary> runs()
    {
        return warehouse.runs().stream().map(this::summary).toList();
    }

    private RunSummary summary(RunReport run)
    {
        // the warehouse keeps the report as the ingest wrote it; it passes through unchanged
        try {
            JsonNode report = jsonMapper.readValue(run.report().toString().getBytes(StandardCharsets.UTF_8), JsonNode.class);
            return new RunSummary(run.snapshotId(), report);
        }
        catch (IOException e) {
            throw new UncheckedIOException("run report of " + run.snapshotId() + " is not JSON", e);
        }
    }
}
