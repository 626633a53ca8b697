package org.jijukirwa.dashboard.testing;

import org.jijukirwa.dashboard.security.PasswordHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

    /** The secret of the public rounding the test servers use (docs/disclosure.md). */
    public static final String DISCLOSURE_SECRET = "test-disclosure-secret";
    private static Path disclosureKeyFile;

    private TestUsers()
    {
    }

    /** A file holding {@link #DISCLOSURE_SECRET}, written once per JVM. */
    public static synchronized Path disclosureKeyFile()
    {
        if (disclosureKeyFile == null) {
            try {
                Path file = Files.createTempFile("jijukirwa-disclosure", ".key");
                file.toFile().deleteOnExit();
                Files.writeString(file, DISCLOSURE_SECRET + "\n");
                disclosureKeyFile = file;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return disclosureKeyFile;
    }

    /** The properties that configure the test accounts (and the test disclosure key) over the warehouse folder {@code warehouse}. */
    public static Map<String, String> properties(Path warehouse)
    {
        Map<String, String> properties = new HashMap<>(Map.of(
                "jijukirwa.warehouse.directory", warehouse.toString(),
                "jijukirwa.warehouse.poll-interval", "200ms",
                "jijukirwa.users." + MANAGER + ".password-hash", PasswordHash.create(MANAGER_PASSWORD, 1_000),
                "jijukirwa.users." + MANAGER + ".roles", "manager",
                "jijukirwa.users." + ADMIN + ".password-hash", PasswordHash.create(ADMIN_PASSWORD, 1_000),
                "jijukirwa.users." + ADMIN + ".roles", "admin",
                "jijukirwa.users." + VISITOR + ".password-hash", PasswordHash.create(VISITOR_PASSWORD, 1_000),
                "jijukirwa.users." + VISITOR + ".roles", ""));
        properties.put("jijukirwa.warehouse.disclosure-key-file", disclosureKeyFile().toString());
        return Map.copyOf(properties);
    }
}
