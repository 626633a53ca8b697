package org.jijukirwa.dashboard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
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
    public HttpResponse<HealthStatus> health()
    {
        return warehouse.snapshot()
                .map(snapshot -> HttpResponse.ok(HealthStatus.up(snapshot.id())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(HealthStatus.down()));
    }
}
