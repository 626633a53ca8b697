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
 * A warehouse serving {@link ProgrammeFixture#programme}, opened once for a test class:
 * {@code @RegisterExtension static final ProgrammeWarehouse programme = new ProgrammeWarehouse();}
 */
public final class ProgrammeWarehouse
        implements BeforeAllCallback, AfterAllCallback
{
    /** The secret of the public rounding in the warehouse tests. */
    public static final String DISCLOSURE_SECRET = "test-disclosure-secret";

    private Path root;
    private Warehouse warehouse;

    public Warehouse warehouse()
    {
        if (warehouse == null) {
            throw new IllegalStateException("the programme warehouse opens before the class's tests");
        }
        return warehouse;
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws IOException
    {
        root = Files.createTempDirectory("programme-warehouse-");
        ProgrammeFixture.programme(root).publish();
        warehouse = Warehouse.open(root, WarehouseSettings.defaults().withDisclosureSecret(DISCLOSURE_SECRET));
    }

    @Override
    public void afterAll(ExtensionContext context)
            throws IOException
    {
        try {
            warehouse.close();
        }
        finally {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(ProgrammeWarehouse::delete);
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
