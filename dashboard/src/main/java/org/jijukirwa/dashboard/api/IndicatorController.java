package org.jijukirwa.dashboard.api;

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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.security.Audiences;
import org.jijukirwa.warehouse.Deadline;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.export.AnswerJsonWriter;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;

import java.util.List;

/** The indicator catalogue and answers; anyone may read them (counts of people protected), managers exact. */
@Controller("/api/v1/indicators")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "indicators")
public final class IndicatorController
{
    private final Warehouse warehouse;

    public IndicatorController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get
    @Operation(summary = "The indicator catalogue", description = "Every indicator with its kind, unit and the dimensions it can be broken down by.")
    @ApiResponse(responseCode = "200", description = "The catalogue, in the order of the indicator definitions.",
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = IndicatorSummary.class)),
                    examples = @ExampleObject(value = "[{\"id\": \"formalisation_rate\", \"label\": \"Formalisation rate\", "
                            + "\"description\": \"coops_registered / coops_formed\", \"kind\": \"stock\", \"unit\": \"rate\", "
                            + "\"dimensions\": [\"province\", \"district\", \"value_chain\"]}]")))
    public List<IndicatorSummary> catalogue()
    {
        return warehouse.catalogue().indicators().stream().map(IndicatorSummary::from).toList();
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One indicator query",
            description = "The cells of an indicator, as of a date (stock) or over a range (flow, time series), broken down and filtered. "
                    + "Anyone may ask; counts of indicators that count persons are protected (rounded to multiples of k from one protected table, "
                    + "docs/disclosure.md) unless the caller has the manager role; 503 for them when no disclosure key is configured.")
    @ApiResponse(responseCode = "200", description = "The answer: rows hold only cells with a non-zero count or denominator, "
            + "sorted by period then the by columns.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IndicatorAnswerResponse.class),
            examples = @ExampleObject(value = "{\"indicator\": \"formalisation_rate\", \"kind\": \"stock\", \"unit\": \"rate\", "
                    + "\"as_of\": \"2019-12-31\", \"by\": [\"district\"], \"snapshot\": \"20200701T000000Z-3f9a1c\", "
                    + "\"rows\": [{\"district\": \"Gasabo\", \"numerator\": 12, \"denominator\": 29, "
                    + "\"value\": 0.41379310344827586, \"suppressed\": false}]}")))
    @IndicatorQueryParameters
    public HttpResponse<byte[]> answer(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        Deadline deadline = RequestDeadline.of(request, warehouse);
        IndicatorQuery query = IndicatorQuery.parse(id, RequestParameters.raw(request.getParameters()));
        // the one JSON form of an answer, the same as the JSON export's; writing it counts against the request's time limit too
        byte[] json = AnswerJsonWriter.toJson(warehouse.answer(query, Audiences.of(authentication), deadline));
        deadline.check();
        return HttpResponse.ok(json);
    }
}
