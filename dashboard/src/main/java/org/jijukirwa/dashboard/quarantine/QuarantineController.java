package org.jijukirwa.dashboard.quarantine;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.authentication.Authentication;
import org.jijukirwa.dashboard.api.RequestParameters;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.security.UserAccount;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.quarantine.QuarantineQuery;

/**
 * The rows the ingest rejected, with their raw text, so that an officer can correct them. The raw text holds
 * personal data (names, phones, national IDs): admins only, never cached, and every view is in the audit log.
 */
@Controller("/api/v1/quarantine")
@Secured(UserAccount.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "quarantine")
public final class QuarantineController
{
    private final Warehouse warehouse;
    private final AuditLog audit;

    public QuarantineController(Warehouse warehouse, AuditLog audit)
    {
        this.warehouse = warehouse;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "The quarantine of the served snapshot",
            description = "Rejected rows in file order (dataset, source file, source line) with their reasons, raw text and raw values, "
                    + "a page at a time; total and counts (by dataset and reason) cover every row that matches the filters. "
                    + "Holds personal data: admins only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @Parameter(name = QuarantineQuery.DATASET, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_dataset")
    @Parameter(name = QuarantineQuery.REASON, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_reason")
    @Parameter(name = QuarantineQuery.LIMIT, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_limit")
    @Parameter(name = QuarantineQuery.OFFSET, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_offset")
    @ApiResponse(responseCode = "200", description = "A page of the quarantine.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = QuarantineResponse.class),
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"dataset\": \"cooperatives\", \"reason\": null, "
                    + "\"limit\": 100, \"offset\": 0, \"total\": 1, "
                    + "\"counts\": [{\"dataset\": \"cooperatives\", \"reason\": \"unknown_district\", \"rows\": 1}], "
                    + "\"rows\": [{\"dataset\": \"cooperatives\", \"source_file\": \"cooperatives/cooperatives_2019.csv\", \"source_line\": 7, "
                    + "\"reasons\": [\"unknown_district\"], \"raw_text\": \"COOP-X-0001;Akarere ka Kigali;tailoring;2019-01-01\", "
                    + "\"raw_values\": {\"cooperative_id\": \"COOP-X-0001\", \"district\": \"Akarere ka Kigali\"}}]}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadQuarantineParameter")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<QuarantineResponse> quarantine(HttpRequest<?> request, Authentication authentication)
    {
        QuarantineQuery query = QuarantineQuery.parse(RequestParameters.raw(request.getParameters()));
        audit.record(authentication.getName(), AuditLog.clientAddress(request), "quarantine-view", request.getUri().toString());
        return HttpResponse.ok(QuarantineResponse.from(warehouse.quarantine(query)))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
