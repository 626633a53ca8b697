package org.jijukirwa.ingest;

import org.jijukirwa.layout.WarehouseDirectory;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Optional;

/**
 * The one line a failed run prints: what went wrong in words a person acts on (a full disk, a warehouse that cannot
 * be written), whatever Spark task or Hadoop writer the error came through, and what was kept (CURRENT).
 */
final class RunFailure
{
    private RunFailure()
    {
    }

    /** {@code nothing published: <what went wrong>[; CURRENT still names <id>, unchanged]}. */
    static String line(Exception error, Path warehouse)
    {
        return "nothing published: " + cause(error, warehouse) + kept(warehouse);
    }

    static String cause(Exception error, Path warehouse)
    {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return "the disk holding the warehouse " + warehouse + " is full (" + (message.contains("quota") ? "Disk quota exceeded" : "No space left on device")
                        + "): free some space there (df -h " + warehouse + ") and run again; the run's unfinished files were removed";
            }
            if (cause instanceof ReadOnlyFileSystemException || message.contains("Read-only file system")) {
                return "the warehouse " + warehouse + " is on a read-only file system: give --warehouse a writable folder, or remount it read-write";
            }
            if (cause instanceof AccessDeniedException || message.contains("Permission denied") || message.contains("Operation not permitted")) {
                return "permission denied writing under the warehouse " + warehouse + " (" + firstLine(message)
                        + "): run the ingest as the user who owns the warehouse, or fix its permissions";
            }
        }
        if (error instanceof IngestException) {
            return error.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message) + " (run again with --verbose for Spark's log)";
    }

    private static String kept(Path warehouse)
    {
        try {
            Optional<String> current = new WarehouseDirectory(warehouse).currentSnapshotId();
            return current.map(id -> "; CURRENT still names " + id + ", unchanged").orElse("");
        }
        catch (RuntimeException e) {
            return "";  // an unreadable CURRENT is the failure itself, already said
        }
    }

    private static String firstLine(String message)
    {
        return message.lines().findFirst().orElse(message);
    }
}
