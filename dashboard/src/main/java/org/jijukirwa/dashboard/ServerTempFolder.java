package org.jijukirwa.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's own temporary folder, so that nothing it copies or spills outlives it: DuckDB's JNI library
 * (about 72 MB, copied to {@code java.io.tmpdir} at every start) and each loaded snapshot's spill folder.
 * <pre>
 * &lt;system temp&gt;/jijukirwa-server/&lt;random&gt;/   one per running server, locked by it
 * </pre>
 * The JDK reads {@code java.io.tmpdir} once, when the JVM starts, so the launcher makes the folder and names it
 * with {@code -Djava.io.tmpdir}; the server locks it first thing, removes it when it stops, and at start removes
 * the folders of servers that were killed (no live process holds their lock). A server started without such a
 * folder leaves the temporary folder alone.
 */
final class ServerTempFolder
{
    static final String BASE_FOLDER_NAME = "jijukirwa-server";
    /** A folder this young may belong to a server that is starting and has not locked it yet. */
    static final Duration STARTING_GRACE = Duration.ofMinutes(1);
    private static final String LOCK_FILE = ".lock";

    private final Path folder;
    private final FileChannel lockChannel;
    private final List<Path> removedLeftovers;

    private ServerTempFolder(Path folder, FileChannel lockChannel, List<Path> removedLeftovers)
    {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.removedLeftovers = removedLeftovers;
    }

    /**
     * Claims {@code java.io.tmpdir} when it is a server folder (its parent is named {@value #BASE_FOLDER_NAME}):
     * locks it, removes the unheld sibling folders older than {@code grace}, and removes it when the JVM stops.
     */
    static Optional<ServerTempFolder> claimCurrent(Duration grace)
            throws IOException
    {
        Path folder = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path base = folder.getParent();
        if (base == null || base.getFileName() == null || !base.getFileName().toString().equals(BASE_FOLDER_NAME)) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("another server holds the temporary folder " + folder + "; start each server with a folder of its own");
        }
        List<Path> removed = removeFoldersOfStoppedServers(base, folder, Instant.now().minus(grace));
        ServerTempFolder claimed = new ServerTempFolder(folder, channel, removed);
        Runtime.getRuntime().addShutdownHook(new Thread(claimed::remove, "remove-server-temp-folder"));
        return Optional.of(claimed);
    }

    Path folder()
    {
        return folder;
    }

    /** The folders of killed servers that claiming this one removed. */
    List<Path> removedLeftovers()
    {
        return removedLeftovers;
    }

    private static List<Path> removeFoldersOfStoppedServers(Path base, Path own, Instant startedBefore)
            throws IOException
    {
        List<Path> others;
        try (Stream<Path> children = Files.list(base)) {
            others = children.filter(child -> !child.equals(own) && Files.isDirectory(child)).sorted().toList();
        }
        return others.stream().filter(other -> isOlderThan(other, startedBefore) && removeIfUnheld(other)).toList();
    }

    private static boolean isOlderThan(Path folder, Instant instant)
    {
        try {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(instant);
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Removes a server's folder when no live process holds its lock; the operating system drops a lock when its process dies. */
    private static boolean removeIfUnheld(Path folder)
    {
        try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            deleteTree(folder);
            return true;
        }
        catch (OverlappingFileLockException e) {
            return false; // held by this JVM
        }
        catch (IOException | UncheckedIOException e) {
            return false; // not removable now; the next start tries again
        }
    }

    /** Removes this server's folder; runs when the JVM stops normally. */
    void remove()
    {
        try {
            lockChannel.close();
            deleteTree(folder);
        }
        catch (IOException | UncheckedIOException e) {
            // The next start removes it.
        }
    }

    private static void deleteTree(Path folder)
            throws IOException
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
