package org.jijukirwa.dashboard;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.jijukirwa.warehouse.Warehouse;

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
}
