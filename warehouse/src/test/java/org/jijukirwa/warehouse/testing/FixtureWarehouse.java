package org.jijukirwa.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.WarehouseSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A warehouse serving the snapshot a fixture publishes into a fresh folder, opened once for a test class and
 * closed, its folder deleted, after it:
 * {@code @RegisterExtension static final FixtureWarehouse cooperatives = new FixtureWarehouse(root -> CooperativeStoryFixture.cooperatives().publishTo(root));}
 */
public class FixtureWarehouse
        implements BeforeAllCallback, AfterAllCallback
{
    /** Publishes a snapshot into a warehouse folder and gives its id. */
    @FunctionalInterface
    public interface Publisher
    {
        String publish(Path root)
                throws IOException;
    }

    private final Publisher publisher;
    private final WarehouseSettings settings;
    private Path root;
    private String snapshot;
    private Warehouse warehouse;

    public FixtureWarehouse(Publisher publisher)
    {
        this(publisher, WarehouseSettings.defaults());
    }

    public FixtureWarehouse(Publisher publisher, WarehouseSettings settings)
    {
        this.publisher = publisher;
        this.settings = settings;
    }

    public Warehouse warehouse()
    {
        if (warehouse == null) {
            throw new IllegalStateException("the fixture warehouse opens before the class's tests");
        }
        return warehouse;
    }

    /** The warehouse folder. */
    public Path root()
    {
        warehouse();
        return root;
    }

    /** The id of the snapshot the fixture published. */
    public String snapshot()
    {
        warehouse();
        return snapshot;
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws IOException
    {
        root = Files.createTempDirectory("fixture-warehouse-");
        snapshot = publisher.publish(root);
        warehouse = Warehouse.open(root, settings);
    }

    @Override
    public void afterAll(ExtensionContext context)
            throws IOException
    {
        try {
            if (warehouse != null) {
                warehouse.close();
            }
        }
        finally {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(FixtureWarehouse::delete);
            }
        }
    }

    private static void delete(Path path)
    {
        try {
            Files.delete(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
