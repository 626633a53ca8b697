package org.jijukirwa.dashboard.lineage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.security.Audiences;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.lineage.LineageJson;

import java.util.Optional;

/** What built a snapshot: its runs, input files and reference files (interfaces.md, "Lineage"). Public, without file names. */
@Controller("/api/v1/lineage")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "lineage")
public final class LineageController
{
    static final String EXAMPLE = """
            {"snapshot": {"id": "20200701T060000123Z-3f9a1c", "as_of": "2020-06-30", "started_at": "2020-07-01T06:00:00.123Z",
               "finished_at": "2020-07-01T06:00:41.870Z"},
             "runs": [{"run": "20200601T060000456Z-8b2e47", "as_of": "2020-05-31", "started_at": "2020-06-01T06:00:00.456Z",
                "finished_at": "2020-06-01T06:00:39.002Z"},
               {"run": "20200701T060000123Z-3f9a1c", "as_of": "2020-06-30", "started_at": "2020-07-01T06:00:00.123Z",
                "finished_at": "2020-07-01T06:00:41.870Z"}],
             "files": [{"dataset": "members", "file": "members/members.csv",
               "content_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
               "run": "20200701T060000123Z-3f9a1c", "rows_read": 17, "accepted": 16, "quarantined": 1}],
             "reference_files": [{"name": "districts.csv", "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}],
             "protection": {"applied": true, "rule": "keyed random rounding of person counts to base k (docs/disclosure.md)", "k": 5,
               "suppressed": false}}""";

    private final Warehouse warehouse;

    public LineageController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "What built a snapshot",
            description = "The snapshot's id, as-of date and run times; the ingest runs whose files it holds (oldest first, the snapshot's own "
                    + "run last); every input file it holds, read once by the run that first saw its content: dataset, SHA-256 of its content, "
                    + "run, rows read, accepted and quarantined by that run; the reference files it was validated against (name, SHA-256); and "
                    + "whether this caller's person counts are protected by the disclosure rounding (docs/disclosure.md). File names (field "
                    + "officers' export names) only for managers. The same object is the lineage field of every indicator answer and export.")
    @Parameter(name = "snapshot", in = ParameterIn.QUERY, description = "A snapshot id; the served snapshot when absent.",
            schema = @Schema(type = "string", example = "20200701T060000123Z-3f9a1c"))
    @ApiResponse(responseCode = "200", description = "The lineage.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LineageResponse.class), examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadParameter")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/UnknownSnapshot")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    public HttpResponse<byte[]> lineage(@Nullable @QueryValue("snapshot") String snapshot, @Nullable Authentication authentication)
    {
        return HttpResponse.ok(LineageJson.toJson(warehouse.lineage(Optional.ofNullable(snapshot), Audiences.of(authentication))))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
