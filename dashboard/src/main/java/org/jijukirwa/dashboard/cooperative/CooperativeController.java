package org.jijukirwa.dashboard.cooperative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.api.RequestParameters;
import org.jijukirwa.dashboard.security.Audiences;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.cooperative.CooperativeJson;
import org.jijukirwa.warehouse.cooperative.CooperativeSearch;
import org.jijukirwa.warehouse.cooperative.StuckRule;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;

import java.util.Map;
import java.util.Set;

/**
 * Cooperatives by name and id, and one cooperative's story. Cooperatives are organisations: their names and steps are
 * public. Their people counts (members over time, attendees per session) are finer than any public cell of the
 * disclosure rule: managers only.
 */
@Controller("/api/v1/cooperatives")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cooperatives")
public final class CooperativeController
{
    private final Warehouse warehouse;

    public CooperativeController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Find cooperatives by id or name",
            description = "Cooperatives whose id or name contains q (case-insensitive): an exact id first, then ids and names that start with q, "
                    + "then the others by name; at most limit of them.")
    @Parameter(name = CooperativeSearch.TEXT, in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_q")
    @Parameter(name = CooperativeSearch.LIMIT, in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_limit")
    @ApiResponse(responseCode = "200", description = "The cooperatives found.", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"q\": \"gasabo\", \"limit\": 20, \"rows\": "
                    + "[{\"cooperative_id\": \"COOP-GAS-0001\", \"name\": \"Abakundakazi ba Gasabo\", \"province\": \"Kigali City\", "
                    + "\"district\": \"Gasabo\", \"value_chain\": \"tailoring\"}]}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadParameter")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublishedOrBusy")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<byte[]> search(HttpRequest<?> request)
    {
        CooperativeSearch search = CooperativeSearch.parse(RequestParameters.raw(request.getParameters()));
        String snapshot = warehouse.snapshot().map(info -> info.id()).orElse("");
        return HttpResponse.ok(CooperativeJson.search(snapshot, search, warehouse.searchCooperatives(search)));
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One cooperative's story",
            description = "Its place and value chain, its funnel as a timeline (formed, trained, applied, registered with RCA, linked to a BDC, "
                    + "affiliated to a union) with the days between steps, the training sessions it attended, its coaching visits with their "
                    + "maturity scores, and whether it is stuck. Managers also get its active members at the end of every quarter (in total, by "
                    + "sex and by age band) and the attendees per session.")
    @Parameter(name = "id", in = ParameterIn.PATH, ref = "#/components/parameters/cooperative_id")
    @Parameter(name = StuckRule.UNREGISTERED_DAYS, in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_unregistered_days")
    @Parameter(name = StuckRule.UNVISITED_DAYS, in = ParameterIn.QUERY, ref = "#/components/parameters/cooperative_unvisited_days")
    @ApiResponse(responseCode = "200", description = "The cooperative.", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"as_of\": \"2020-06-30\", \"cooperative_id\": \"COOP-GAS-0001\", "
                    + "\"name\": \"Abakundakazi ba Gasabo\", \"province\": \"Kigali City\", \"district\": \"Gasabo\", \"value_chain\": \"tailoring\", "
                    + "\"value_chain_label\": \"Tailoring and garment making\", \"funnel\": [{\"step\": \"formed\", \"reached_on\": \"2019-02-10\", "
                    + "\"days_since_previous\": null, \"days_since_formed\": 0}], \"trainings\": [{\"session_id\": \"TRN-12-01\", \"held_on\": \"2019-03-20\", "
                    + "\"topic\": \"governance\", \"topic_label\": \"Governance\", \"session_district\": \"Gasabo\"}], \"visits\": [{\"visit_id\": \"V-2\", "
                    + "\"visited_on\": \"2020-02-01\", \"maturity_score\": 65, \"topics\": [\"governance\"]}], \"last_visited_on\": \"2020-02-01\", "
                    + "\"stuck\": {\"unregistered_days\": 365, \"unvisited_days\": 180, \"is_unregistered\": false, \"is_unvisited\": false}, "
                    + "\"member_counts_shown\": false}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadParameter")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/UnknownCooperative")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublishedOrBusy")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<byte[]> cooperative(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        Map<String, String> parameters = RequestParameters.raw(request.getParameters());
        for (String name : parameters.keySet()) {
            if (!Set.of(StuckRule.UNREGISTERED_DAYS, StuckRule.UNVISITED_DAYS).contains(name)) {
                throw new InvalidParameterException(name, "'" + (name.length() > 80 ? name.substring(0, 80) : name)
                        + "' is not a known parameter; use unregistered_days and unvisited_days.");
            }
        }
        return HttpResponse.ok(CooperativeJson.profile(warehouse.cooperative(id, StuckRule.parse(parameters), Audiences.of(authentication))));
    }
}
