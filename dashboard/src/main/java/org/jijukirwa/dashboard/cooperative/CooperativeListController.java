package org.jijukirwa.dashboard.cooperative;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.api.RequestParameters;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.security.UserAccount;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.cooperative.CooperativeJson;
import org.jijukirwa.warehouse.cooperative.CooperativeList;
import org.jijukirwa.warehouse.cooperative.CooperativeListCsv;

import java.nio.charset.StandardCharsets;

/** The cooperatives behind a cell (province, district, value chain, stage), with their member counts: managers only, never cached. */
@Controller("/api/v1")
@Secured(UserAccount.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cooperatives")
public final class CooperativeListController
{
    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final Warehouse warehouse;

    public CooperativeListController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get(uri = "/cooperative-list", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The cooperatives behind a cell",
            description = "Every cooperative that exists at as_of (default: the snapshot's date) in the cell and has reached the stage by then, "
                    + "with its funnel dates up to as_of, its last visit and maturity score, its active members and whether it is stuck; sorted by "
                    + "sort and order, at most 5,000 rows (total counts them all). Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @Parameter(name = "district", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_district")
    @Parameter(name = "province", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_province")
    @Parameter(name = "value_chain", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_value_chain")
    @Parameter(name = "stage", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_stage")
    @Parameter(name = "as_of", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_as_of")
    @Parameter(name = "sort", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_sort")
    @Parameter(name = "order", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_order")
    @Parameter(name = "unregistered_days", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_unregistered_days")
    @Parameter(name = "unvisited_days", in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_unvisited_days")
    @ApiResponse(responseCode = "200", description = "The list.", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"as_of\": \"2020-06-30\", \"stage\": \"formed\", "
                    + "\"sort\": \"cooperative_id\", \"order\": \"asc\", \"unregistered_days\": 365, \"unvisited_days\": 180, "
                    + "\"filters\": {\"district\": [\"Gasabo\"]}, \"total\": 1, \"truncated\": false, \"rows\": [{\"cooperative_id\": \"COOP-GAS-0002\", "
                    + "\"name\": \"Twiyubake\", \"province\": \"Kigali City\", \"district\": \"Gasabo\", \"value_chain\": \"tailoring\", "
                    + "\"formed_on\": \"2019-01-01\", \"first_attended_on\": null, \"applied_on\": null, \"registered_on\": null, \"bdc_linked_on\": null, "
                    + "\"union_affiliated_on\": null, \"last_visited_on\": null, \"last_maturity_score\": null, \"members_active\": 0, "
                    + "\"days_since_formed\": 546, \"is_stuck_unregistered\": true, \"is_stuck_unvisited\": true}]}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadParameter")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublishedOrBusy")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<byte[]> list(HttpRequest<?> request)
    {
        CooperativeList list = warehouse.cooperativeList(RequestParameters.raw(request.getParameters()));
        return HttpResponse.ok(CooperativeJson.list(list)).header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @Get(uri = "/cooperative-list.csv", produces = "text/csv")
    @Operation(summary = "The cooperatives behind a cell, as CSV", description = "The same list as GET /api/v1/cooperative-list, one line per "
            + "cooperative with a header row; cells that begin with =, +, -, @ are neutralised. Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "200", description = "The CSV file.", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(value = "cooperative_id,name,province,district,value_chain,formed_on,first_attended_on,applied_on,registered_on,"
                    + "bdc_linked_on,union_affiliated_on,last_visited_on,last_maturity_score,members_active,days_since_formed,is_stuck_unregistered,"
                    + "is_stuck_unvisited\r\nCOOP-GAS-0002,Twiyubake,Kigali City,Gasabo,tailoring,2019-01-01,,,,,,,,0,546,true,true\r\n")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadParameter")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublishedOrBusy")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<byte[]> csv(HttpRequest<?> request)
    {
        CooperativeList list = warehouse.cooperativeList(RequestParameters.raw(request.getParameters()));
        return HttpResponse.ok(CooperativeListCsv.write(list).getBytes(StandardCharsets.UTF_8))
                .contentType(CSV)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cooperatives-" + list.asOf() + ".csv\"");
    }
}
