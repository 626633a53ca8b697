package org.jijukirwa.dashboard.testing;

import org.jijukirwa.dashboard.security.PasswordHash;

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

    /** The properties that configure the test accounts over the warehouse folder {@code warehouse}. */
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
