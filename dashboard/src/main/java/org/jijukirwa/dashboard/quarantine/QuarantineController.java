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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import org.jijukirwa.dashboard.api.RequestParameters;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.quarantine.QuarantinePage;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.security.UserAccount;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.quarantine.QuarantineQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** At most this many rows in one download. */
    static final int MAX_DOWNLOAD_ROWS = 100_000;

    private final Warehouse warehouse;
    private final AuditLog auditLog;

    public QuarantineController(Warehouse warehouse, AuditLog auditLog)
    {
        this.warehouse = warehouse;
        this.auditLog = auditLog;
    }

    @Get
    @Operation(summary = "The quarantine of the served snapshot",
            description = "Rejected rows in file order (dataset, source file, source line) with their reasons, raw text and raw values, "
                    + "a page at a time; total and counts (by dataset, source file and reason) cover every row that matches the filters. "
                    + "Holds personal data: admins only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @Parameter(name = QuarantineQuery.DATASET, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_dataset")
    @Parameter(name = QuarantineQuery.FILE, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_file")
    @Parameter(name = QuarantineQuery.REASON, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_reason")
    @Parameter(name = QuarantineQuery.LIMIT, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_limit")
    @Parameter(name = QuarantineQuery.OFFSET, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_offset")
    @ApiResponse(responseCode = "200", description = "A page of the quarantine.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = QuarantineResponse.class),
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"dataset\": \"cooperatives\", \"file\": null, "
                    + "\"reason\": null, \"limit\": 100, \"offset\": 0, \"total\": 1, "
                    + "\"counts\": [{\"dataset\": \"cooperatives\", \"source_file\": \"cooperatives/cooperatives_2019.csv\", "
                    + "\"reason\": \"unknown_district\", \"rows\": 1}], "
                    + "\"rows\": [{\"dataset\": \"cooperatives\", \"source_file\": \"cooperatives/cooperatives_2019.csv\", \"source_line\": 7, "
                    + "\"reasons\": [\"unknown_district\"], \"raw_text\": \"COOP-X-0001;Akarere ka Kigali;tailoring;2019-01-01\", "
                    + "\"raw_values\": {\"cooperative_id\": \"COOP-X-0001\", \"district\": \"Akarere ka Kigali\"}}]}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadQuarantineParameter")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<QuarantineResponse> quarantine(HttpRequest<?> request, @Nullable Authentication authentication)
    {
        QuarantineQuery query = QuarantineQuery.parse(RequestParameters.raw(request.getParameters()));
        QuarantinePage page = warehouse.quarantine(query);
        audit(request, authentication, "quarantine-view", query, page.rows().size());
        return HttpResponse.ok(QuarantineResponse.from(page))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @Get(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The quarantined rows of one dataset as a CSV file to correct",
            description = "The dataset's contract columns (docs/data-contract.md) filled from each row's raw values, then quarantine_reasons, "
                    + "quarantine_source (file:line) and quarantine_raw_text, which the ingest ignores: correct the rows in a spreadsheet and "
                    + "upload the file again as a new input (POST /api/v1/uploads). dataset is required; file and reason filter as for "
                    + "GET /api/v1/quarantine; resolved rows are left out. Cells starting with =, + or @ get a leading apostrophe. "
                    + "At most 100,000 rows. Holds personal data: admins only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @Parameter(name = QuarantineQuery.DATASET, in = ParameterIn.QUERY, required = true, ref = "#/components/parameters/quarantine_dataset")
    @Parameter(name = QuarantineQuery.FILE, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_file")
    @Parameter(name = QuarantineQuery.REASON, in = ParameterIn.QUERY, ref = "#/components/parameters/quarantine_reason")
    @ApiResponse(responseCode = "200", description = "The CSV file.", content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadQuarantineParameter")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    public HttpResponse<String> download(HttpRequest<?> request, @Nullable Authentication authentication)
    {
        Map<String, String> parameters = new LinkedHashMap<>(RequestParameters.raw(request.getParameters()));
        for (String name : parameters.keySet()) {
            if (!List.of(QuarantineQuery.DATASET, QuarantineQuery.FILE, QuarantineQuery.REASON).contains(name)) {
                throw new InvalidParameterException(name, "'" + name + "' is not a parameter of the download; use dataset, file and reason.");
            }
        }
        QuarantineQuery first = QuarantineQuery.parse(parameters);
        String dataset = first.dataset().orElseThrow(() -> new InvalidParameterException(QuarantineQuery.DATASET,
                "Choose the dataset to download (cooperatives, members, trainings or coaching): each has its own columns."));
        List<QuarantinePage.QuarantinedRow> rows = new ArrayList<>();
        String snapshot = null;
        for (int offset = 0; offset < MAX_DOWNLOAD_ROWS; offset += QuarantineQuery.MAX_LIMIT) {
            QuarantinePage page = warehouse.quarantine(new QuarantineQuery(first.dataset(), first.file(), first.reason(), QuarantineQuery.MAX_LIMIT, offset));
            snapshot = page.snapshot();
            page.rows().stream().filter(row -> !row.resolved()).forEach(rows::add);
            if (page.rows().size() < QuarantineQuery.MAX_LIMIT) {
                break;
            }
        }
        audit(request, authentication, "quarantine-download", first, rows.size());
        String fileName = dataset + "-quarantine-" + snapshot + ".csv";
        return HttpResponse.ok(QuarantineCsv.write(ContractColumns.BY_DATASET.get(dataset), rows))
                .contentType(new MediaType("text/csv", Map.of("charset", "utf-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private void audit(HttpRequest<?> request, @Nullable Authentication authentication, String action, QuarantineQuery query, int rows)
    {
        auditLog.record(authentication == null ? null : authentication.getName(), AuditLog.clientAddress(request), action,
                "dataset=" + query.dataset().orElse("(all)") + " file=" + query.file().orElse("(all)") + " reason=" + query.reason().orElse("(all)") + " offset=" + query.offset()
                        + " rows=" + rows);
    }
}
