package org.jijukirwa.dashboard.runs;

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
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.security.UserAccount;
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
    /**
     * One run as GET /api/v1/runs returns it: the report is the ingest's run-report.json (ingest RunReport#toJson).
     * EndToEndIT checks that its fields are those of the report a real ingest run writes.
     */
    static final String EXAMPLE = """
            [{"snapshot": "20200701T060000123Z-3f9a1c",
              "report": {"snapshot_id": "20200701T060000123Z-3f9a1c", "as_of": "2020-06-30",
                "started_at": "2020-07-01T06:00:00.123Z", "finished_at": "2020-07-01T06:00:41.870Z",
                "input": "/srv/jijukirwa/field-exports/2020-06", "previous_snapshot": "20200601T060000456Z-8b2e47",
                "datasets": {"members": {"rows_read": 17, "valid_rows": 16, "unchanged_rows": 12, "quarantined_rows": 1,
                  "by_reason": {"invalid_date:joined_on": 1}, "current_keys": 16, "released_from_quarantine": 0,
                  "quarantine_repeats": 0, "ignored_columns": ["remarks"],
                  "files": {"members/members.csv": {"rows_read": 17, "valid_rows": 16, "unchanged_rows": 12, "quarantined": 1,
                    "by_reason": {"invalid_date:joined_on": 1}, "skipped_already_ingested": false}}}},
                "ignored_files": ["members/README.txt"],
                "rejected_files": [{"file": "coaching/visits-export.csv", "reason": "not_utf8",
                  "message": "byte 0xE9 on line 12 is not UTF-8: save the file as UTF-8 (CSV UTF-8 in Excel) and add it again"}],
                "published": true,
                "warnings": ["cooperatives: no file in the input; the 29 rows of snapshot 20200601T060000456Z-8b2e47 are carried forward"]}}]""";

    private final Warehouse warehouse;
    private final JsonMapper jsonMapper;

    public RunsController(Warehouse warehouse, JsonMapper jsonMapper)
    {
        this.warehouse = warehouse;
        this.jsonMapper = jsonMapper;
    }

    @Get
    @Operation(summary = "The ingest runs, newest first",
            description = "One entry per published snapshot: its id and the run report as the ingest wrote it: started, finished, "
                    + "as-of date, input folder, previous snapshot, and per dataset and per file the rows read, accepted (valid_rows), "
                    + "unchanged, quarantined and by reason; per dataset also the current keys, the rows released from the quarantine, "
                    + "the quarantined rows already in the quarantine (repeats) and the ignored columns; the ignored files, the files rejected "
                    + "as files (rejected_files: file, reason, message), whether the run published, and its warnings. Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "200", description = "The runs.", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = RunSummary.class)),
            examples = @ExampleObject(value = EXAMPLE)))
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
