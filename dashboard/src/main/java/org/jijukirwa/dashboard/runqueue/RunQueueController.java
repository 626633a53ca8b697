package org.jijukirwa.dashboard.runqueue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.security.UserAccount;

import java.util.List;

/** The runs the dashboard queued (GET), and "run now" (POST): for managers. */
@Controller("/api/v1/run-queue")
@Secured(UserAccount.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RunQueueController
{
    private final RunQueue runQueue;

    public RunQueueController(RunQueue runQueue)
    {
        this.runQueue = runQueue;
    }

    @Get
    @Operation(summary = "The runs the dashboard queued, newest first",
            description = "Each with its state (queued, running, published, nothing_new, failed), why it was queued, while running the last "
                    + "stage the ingest finished and its rows, when failed a one-line message, when published the snapshot (its report is "
                    + "in GET /api/v1/runs). Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "200", description = "The runs.", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = QueuedRun.class))))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    public HttpResponse<List<QueuedRun>> runs()
    {
        return HttpResponse.ok(runQueue.runs()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post
    @Operation(summary = "Run the ingest now over every file of the inbox",
            description = "Queues a run (or joins the one already waiting). Files already ingested are skipped by the ingest. Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "202", description = "The run queued.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = QueuedRun.class)))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    public HttpResponse<QueuedRun> runNow(@Nullable Authentication authentication)
    {
        QueuedRun run = runQueue.submit("run now", authentication == null ? null : authentication.getName(), null);
        return HttpResponse.<QueuedRun>status(HttpStatus.ACCEPTED).body(run).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
