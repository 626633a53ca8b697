package org.jijukirwa.dashboard.testing;

import org.jijukirwa.dashboard.security.PasswordHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The accounts the server tests configure; few PBKDF2 iterations keep the tests fast, the format is the real one. */
public final class TestUsers
{
    public static final String MANAGER = "maria";
    public static final String MANAGER_PASSWORD = "maria-manager-password";
    public static final String ADMIN = "ange";
    public static final String ADMIN_PASSWORD = "ange-admin-password";
    public static final String VISITOR = "olivier";
    public static final String VISITOR_PASSWORD = "olivier-visitor-password";

    private TestUsers()
    {
    }

    /** What a test class puts in its server's new warehouse folder before the server starts (nothing, for an empty one). */
    @FunctionalInterface
    public interface WarehouseContent
    {
        void publishTo(Path warehouse)
                throws IOException;
    }

    /** {@link #properties} of a new warehouse folder under target/, named after the test, filled by {@code content}. */
    public static Map<String, String> propertiesWithNewWarehouse(String name, WarehouseContent content)
    {
        try {
            Path warehouse = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "warehouse-" + name + "-");
            content.publishTo(warehouse);
            return properties(warehouse);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> properties(Path warehouse)
    {
        return Map.of(
                "jijukirwa.warehouse.directory", warehouse.toString(),
                "jijukirwa.warehouse.poll-interval", "200ms",
                "jijukirwa.users." + MANAGER + ".password-hash", PasswordHash.create(MANAGER_PASSWORD, 1_000),
                "jijukirwa.users." + MANAGER + ".roles", "manager",
                "jijukirwa.users." + ADMIN + ".password-hash", PasswordHash.create(ADMIN_PASSWORD, 1_000),
                "jijukirwa.users." + ADMIN + ".roles", "admin",
                "jijukirwa.users." + VISITOR + ".password-hash", PasswordHash.create(VISITOR_PASSWORD, 1_000),
                "jijukirwa.users." + VISITOR + ".roles", "");
    }
}
