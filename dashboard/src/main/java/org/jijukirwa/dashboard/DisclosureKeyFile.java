package org.jijukirwa.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The launcher's disclosure key (docs/disclosure.md): a random secret written once to a file (readable by its owner
 * only) and kept, because a new secret draws every protected count again. Used only when the configuration names none.
 */
final class DisclosureKeyFile
{
    private DisclosureKeyFile()
    {
    }

    /** The file, created with 32 random bytes in hex when it does not exist or is empty. */
    static Path loadOrCreate(Path file)
            throws IOException
    {
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            return file;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
        System.err.println("[jijukirwa] created a random disclosure key in " + file);
        return file;
    }
}
