package org.jijukirwa.dashboard.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard served on a free port over a warehouse an integration test filled with real ingest runs, with the
 * test users and disclosure key ({@link TestUsers#properties}); close it to stop the server.
 */
public final class WarehouseServer
        implements AutoCloseable
{
    private final ApplicationContext context;
    private final URI uri;

    private WarehouseServer(EmbeddedServer server)
    {
        this.context = server.getApplicationContext();
        this.uri = server.getURI();
    }

    public static WarehouseServer over(Path warehouse)
    {
        Map<String, Object> properties = new HashMap<>(TestUsers.properties(warehouse));
        properties.put("micronaut.server.port", -1);
        return new WarehouseServer(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public URI uri()
    {
        return uri;
    }

    @Override
    public void close()
    {
        context.close();
    }
}
