package org.jijukirwa.dashboard.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The dashboard server of one test class: a new warehouse folder under target/ filled by the class's content, the
 * accounts of {@link TestUsers}, the whole application on a free port (environment {@code test}) and a client for
 * it; started before the class's first test and stopped after its last. Register it on a field of a
 * {@code @TestInstance(PER_CLASS)} class, so that the content can keep what it published in the class's fields:
 * <pre>
 * &#64;RegisterExtension
 * final DashboardServer server = DashboardServer.over("runs", warehouse -&gt; snapshot = SnapshotFixture.smallProgramme().publishTo(warehouse));
 * </pre>
 */
public final class DashboardServer
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback
{
    private static final Path TEST_FOLDERS = Path.of("target");

    /** What a test class puts in its server's new warehouse folder before the server starts. */
    @FunctionalInterface
    public interface WarehouseContent
    {
        void publishTo(Path warehouse)
                throws IOException;
    }

    private final String name;
    private final WarehouseContent content;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private boolean withoutDisclosureKey;
    private Path warehouse;
    private EmbeddedServer server;
    private HttpClient httpClient;
    private ApiClient api;

    private DashboardServer(String name, WarehouseContent content)
    {
        this.name = requireNonNull(name, "name is null");
        this.content = requireNonNull(content, "content is null");
    }

    /** A server over a new warehouse folder, named after {@code name}, filled by {@code content}. */
    public static DashboardServer over(String name, WarehouseContent content)
    {
        return new DashboardServer(name, content);
    }

    /** A server over a new warehouse folder where nothing has been published. */
    public static DashboardServer overEmptyWarehouse(String name)
    {
        return new DashboardServer(name, warehouse -> {});
    }

    /** A server without the test disclosure key: it refuses the public its person counts (docs/disclosure.md). */
    public DashboardServer withoutDisclosureKey()
    {
        withoutDisclosureKey = true;
        return this;
    }

    /** A configuration property of the server, beyond the warehouse folder, the test accounts and the test disclosure key. */
    public DashboardServer withProperty(String property, String value)
    {
        properties.put(requireNonNull(property, "property is null"), requireNonNull(value, "value is null"));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws IOException
    {
        warehouse = Files.createTempDirectory(Files.createDirectories(TEST_FOLDERS), "warehouse-" + name + "-");
        content.publishTo(warehouse);
        Map<String, Object> configuration = new LinkedHashMap<>(TestUsers.properties(warehouse));
        configuration.put("micronaut.server.port", -1);
        configuration.putAll(properties);
        if (withoutDisclosureKey) {
            configuration.remove("jijukirwa.warehouse.disclosure-key-file");
        }
        server = ApplicationContext.run(EmbeddedServer.class, configuration, Environment.TEST);
        httpClient = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        api = new ApiClient(httpClient);
    }

    @Override
    public void beforeEach(ExtensionContext context)
    {
        if (server == null) {
            throw new IllegalStateException(DashboardServer.class.getSimpleName() + " starts before all tests of a class: register it on a field of a "
                    + "@TestInstance(Lifecycle.PER_CLASS) class");
        }
    }

    @Override
    public void afterAll(ExtensionContext context)
    {
        if (httpClient != null) {
            httpClient.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    /** A client of the server's API: any status, the body as text and JSON. */
    public ApiClient api()
    {
        return api;
    }

    /** The HTTP client of the server, for a test that reads bodies other than text. */
    public HttpClient httpClient()
    {
        return httpClient;
    }

    /** Where the server listens, e.g. http://localhost:40123. */
    public URL url()
    {
        return server.getURL();
    }

    public int port()
    {
        return server.getPort();
    }

    /** The warehouse folder the server reads, for a test that publishes into it while the server runs. */
    public Path warehouse()
    {
        return warehouse;
    }
}
