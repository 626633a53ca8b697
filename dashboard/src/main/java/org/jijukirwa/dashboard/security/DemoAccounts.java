package org.jijukirwa.dashboard.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The accounts of {@code ./jijukirwa demo}: a manager and an admin with random passwords, kept in a file
 * readable by its owner only (beside the demo's other secrets, never in the repository) so that every demo
 * run can print them. The server itself only ever sees their PBKDF2 hashes.
 */
public final class DemoAccounts
{
    static final List<String> NAMES = List.of(UserAccount.MANAGER, UserAccount.ADMIN);

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 16;

    private final Map<String, String> passwords;

    private DemoAccounts(Map<String, String> passwords)
    {
        this.passwords = Map.copyOf(passwords);
    }

    /** Reads the accounts from the file, creating it with new random passwords the first time. */
    public static DemoAccounts loadOrCreate(Path file)
    {
        requireNonNull(file, "file is null");
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String name : NAMES) {
                String password = properties.getProperty(name + ".password");
                if (password == null || password.isBlank()) {
                    throw new IllegalStateException("the demo accounts file " + file + " has no password for " + name + "; delete it to make new accounts");
                }
                passwords.put(name, password);
            }
            return new DemoAccounts(passwords);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo accounts file " + file, e);
        }
    }

    public String password(String name)
    {
        return requireNonNull(passwords.get(name), () -> "no demo account " + name);
    }

    /** The configuration of the accounts: {@code jijukirwa.users.<name>.password-hash} and {@code .roles}, hashes only. */
    public Map<String, Object> userProperties()
    {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : NAMES) {
            properties.put(UserAccount.PREFIX + "." + name + ".password-hash", PasswordHash.create(password(name)));
            properties.put(UserAccount.PREFIX + "." + name + ".roles", name);
        }
        return properties;
    }

    public String describe()
    {
        return """
                Demo accounts (Sign in at the top of the dashboard; the public view needs none):
                  %-8s password %s   exact figures, the runs and the uploads
                  %-8s password %s   as manager, and the quarantine and the audit log
                """.formatted(UserAccount.MANAGER, password(UserAccount.MANAGER), UserAccount.ADMIN, password(UserAccount.ADMIN));
    }

    private static void create(Path file)
            throws IOException
    {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        catch (FileAlreadyExistsException e) {
            return;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder("# Demo accounts of ./jijukirwa demo: for a demo only. Delete this file to make new passwords.\n");
        for (String name : NAMES) {
            StringBuilder password = new StringBuilder();
            for (int index = 0; index < PASSWORD_LENGTH; index++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            text.append(name).append(".password=").append(password).append('\n');
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(text.toString());
        }
    }
}
