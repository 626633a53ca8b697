package org.jijukirwa.dashboard.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** GET /api/v1/health: {"status": "UP", "snapshot": "<id>"}, or DOWN with a null snapshot before the first publish. */
@Serdeable
public record HealthStatus(String status, @Nullable String snapshot)
{
    public static HealthStatus up(String snapshot)
    {
        return new HealthStatus("UP", snapshot);
    }

    public static HealthStatus down()
    {
        return new HealthStatus("DOWN", null);
    }
}
