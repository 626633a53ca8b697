package org.jijukirwa.dashboard;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.warehouse.Warehouse;

import java.time.Clock;

/** The one place that opens the warehouse: once, at startup (so a bad folder fails fast), closed on shutdown. */
@Factory
public final class WarehouseFactory
{
    @Context
    @Bean(preDestroy = "close")
    public Warehouse warehouse(WarehouseConfiguration configuration)
    {
        return Warehouse.open(configuration.directory(), configuration.settings());
    }

    /** The audit log, in {@code audit/audit.jsonl} beside the warehouse's snapshots (never inside the web root). */
    @Singleton
    public AuditLog auditLog(WarehouseConfiguration configuration)
    {
        return new AuditLog(configuration.directory().resolve("audit").resolve("audit.jsonl"), Clock.systemUTC());
    }
}
