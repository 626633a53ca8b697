package org.jijukirwa.dashboard.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jijukirwa.warehouse.Warehouse;

/** UP while a snapshot is served; 503 DOWN before the first one is published. */
@Controller("/api/v1/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public final class HealthController
{
    private final Warehouse warehouse;

    public HealthController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get
    @Operation(summary = "Whether a snapshot is served", description = "UP with the id of the snapshot being served; 503 DOWN before the first publish.")
    @ApiResponse(responseCode = "200", description = "A snapshot is served.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HealthStatus.class),
            examples = @ExampleObject(value = "{\"status\": \"UP\", \"snapshot\": \"20200701T000000Z-3f9a1c\"}")))
    @ApiResponse(responseCode = "503", ref = "#/components/responses/Down")
    public HttpResponse<HealthStatus> health()
    {
        return warehouse.snapshot()
                .map(snapshot -> HttpResponse.ok(HealthStatus.up(snapshot.id())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(HealthStatus.down()));
    }
}
