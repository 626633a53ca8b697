package org.jijukirwa.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse folder on disk and its publishing protocol:
 * <pre>
 * &lt;warehouse&gt;/
 *   CURRENT                    one line: the id of the snapshot being served
 *   snapshots/&lt;id&gt;/          one complete, immutable snapshot
 *     manifest.json            {@link SnapshotManifest}: id, as_of, started_at, finished_at, layout_version, reference files
 *     run-report.json          the run's counts (see the ingest)
 *     &lt;table&gt;/*.parquet       one folder per {@link Table}
 *   snapshots/.staging-&lt;id&gt;/  a snapshot being written (ignored by readers)
 *   .writer.lock               held by the one run writing (see {@link #lockForWriting()})
 *   .readers/&lt;id&gt;.lock        held (shared) by every server reading that snapshot (see {@link #readSnapshot})
 *   .built/&lt;id&gt;-&lt;models&gt;.duckdb  what a server built loading that snapshot, kept for its next start
 *   .checked-files.tsv         input files earlier runs read and found sound, by path, size and time (a cache)
 * </pre>
 * A table's files may be hard links to files of earlier snapshots (a run carries what it did not change):
 * removing a snapshot folder removes only its names, and a file's bytes go with the last snapshot naming it.
 * A snapshot is written under a staging name, then renamed into place, then
 * CURRENT is replaced by a rename. A crash at any point leaves the previous
 * CURRENT and its snapshot intact. One run writes at a time: a run holds the
 * writer lock from before it reads CURRENT until after it has published, so two
 * runs never both build on the same previous snapshot.
 */
public final class WarehouseDirectory
{
    public static final String CURRENT_FILE = "CURRENT";
    public static final String SNAPSHOTS_FOLDER = "snapshots";
    public static final String MANIFEST_FILE = "manifest.json";
    public static final String RUN_REPORT_FILE = "run-report.json";
    public static final int LAYOUT_VERSION = 1;

    private static final String STAGING_PREFIX = ".staging-";
    private static final String WRITER_LOCK_FILE = ".writer.lock";
    private static final String READERS_FOLDER = ".readers";
    private static final String CHECKED_FILES_LIST = ".checked-files.tsv";
    private static final String BUILT_FOLDER = ".built";
    /** Shared reader locks of this JVM, one per lock file (the JVM may not lock one file twice), with their holders. */
    private static final java.util.Map<Path, ReaderLock> READER_LOCKS = new java.util.HashMap<>();
    private static final Pattern SNAPSHOT_ID = Pattern.compile("\\d{8}T\\d{6}\\d{3}Z-[0-9a-f]{6}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public WarehouseDirectory(Path root)
    {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    public Path root()
    {
        return root;
    }

    /** A new snapshot id: the UTC start time then a random suffix, so ids sort by time. */
    public static String newSnapshotId(Instant startedAt)
    {
        return ID_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public static boolean isSnapshotId(String id)
    {
        return id != null && SNAPSHOT_ID.matcher(id).matches();
    }

    /** The ingest's cache of input files already read and found sound (written only under the writer lock). */
    public Path checkedFilesList()
    {
        return root.resolve(CHECKED_FILES_LIST);
    }

    public Path snapshotsFolder()
    {
        return root.resolve(SNAPSHOTS_FOLDER);
    }

    public Path snapshot(String snapshotId)
    {
        checkSnapshotId(snapshotId);
        return snapshotsFolder().resolve(snapshotId);
    }

    public Path table(String snapshotId, Table table)
    {
        return snapshot(snapshotId).resolve(table.tableName());
    }

    /** Where a run writes its snapshot before publishing it. */
    public Path staging(String snapshotId)
    {
        checkSnapshotId(snapshotId);
        return snapshotsFolder().resolve(STAGING_PREFIX + snapshotId);
    }

    /**
     * Takes the warehouse's writer lock, or fails at once when another run holds it. The operating system
     * releases the lock when its process ends, however it ends, so a killed run never blocks the next one.
     * Holding the lock, the caller is the only writer: every staging folder left is a dead run's, and is removed.
     */
    public WriterLock lockForWriting()
            throws IOException
    {
        Files.createDirectories(root);
        Path lockFile = root.resolve(WRITER_LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new WarehouseBusyException("another ingest run is writing to " + root
                    + " (it holds " + lockFile.getFileName() + "); run again when it has finished");
        }
        WriterLock writerLock = new WriterLock(channel);
        try {
            writerLock.removedStagingFolders = removeStagingFolders();
        }
        catch (IOException | RuntimeException e) {
            writerLock.close();
            throw e;
        }
        return writerLock;
    }

    /** Removes every staging folder; only the holder of the writer lock may call it. */
    private List<String> removeStagingFolders()
            throws IOException
    {
        Path folder = snapshotsFolder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> stagings;
        try (Stream<Path> children = Files.list(folder)) {
            stagings = children.filter(path -> path.getFileName().toString().startsWith(STAGING_PREFIX)).sorted().toList();
        }
        for (Path staging : stagings) {
            deleteTree(staging);
        }
        return stagings.stream().map(path -> path.getFileName().toString()).toList();
    }

    private static void deleteTree(Path folder)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The warehouse's writer lock, held until closed (or until the process ends). */
    public static final class WriterLock
            implements AutoCloseable
    {
        private final FileChannel channel;
        private List<String> removedStagingFolders = List.of();

        private WriterLock(FileChannel channel)
        {
            this.channel = channel;
        }

        /** The staging folders of dead runs that taking the lock removed. */
        public List<String> removedStagingFolders()
        {
            return removedStagingFolders;
        }

        @Override
        public void close()
                throws IOException
        {
            channel.close(); // releases the lock; the empty lock file stays, so every run locks the same file
        }
    }

    /** Another run holds the writer lock. */
    public static final class WarehouseBusyException
            extends IOException
    {
        public WarehouseBusyException(String message)
        {
            super(message);
        }
    }

    /**
     * Marks a snapshot as being read until the returned lease is closed (or the process ends), so that pruning
     * keeps it: a shared lock on {@code .readers/<id>.lock}. Best effort on a warehouse the reader cannot write to
     * (then only the retention policy protects it). Throws {@link NoSuchFileException} when the snapshot is gone.
     */
    public AutoCloseable readSnapshot(String snapshotId)
            throws IOException
    {
        Path lockFile = root.resolve(READERS_FOLDER).resolve(snapshotId + ".lock");
        checkSnapshotId(snapshotId);
        AutoCloseable lease;
        synchronized (READER_LOCKS) {
            ReaderLock held = READER_LOCKS.get(lockFile);
            if (held == null) {
                try {
                    Files.createDirectories(lockFile.getParent());
                    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
                    if (lock == null) {
                        channel.close();
                        throw new NoSuchFileException(snapshot(snapshotId).toString(), null, "the snapshot is being pruned");
                    }
                    held = new ReaderLock(lockFile, channel);
                }
                catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
                    held = new ReaderLock(lockFile, null);
                }
                READER_LOCKS.put(lockFile, held);
            }
            held.holders++;
            ReaderLock taken = held;
            java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
            lease = () -> {
                if (closed.compareAndSet(false, true)) {
                    taken.release();
                }
            };
        }
        if (!Files.isRegularFile(snapshot(snapshotId).resolve(MANIFEST_FILE))) {
            try {
                lease.close();
            }
            catch (Exception e) {
                // the snapshot is gone anyway
            }
            throw new NoSuchFileException(snapshot(snapshotId).toString(), null, "no such snapshot");
        }
        return lease;
    }

    /** Where a server keeps what it built loading a snapshot with models of a given fingerprint (a cache: may be absent). */
    public Path builtDatabase(String snapshotId, String modelsFingerprint)
    {
        checkSnapshotId(snapshotId);
        return root.resolve(BUILT_FOLDER).resolve(snapshotId + "-" + modelsFingerprint + ".duckdb");
    }

    /** True when a process (or this JVM) holds the reader lock of a snapshot. */
    public boolean isBeingRead(String snapshotId)
    {
        try (ExclusiveReaderLock lock = lockReaders(snapshotId)) {
            return lock == null;
        }
        catch (IOException e) {
            return true;
        }
    }

    /**
     * Removes a published snapshot that no reader holds; false (and nothing removed) when one does.
     * Only the holder of the writer lock may call it; never with CURRENT's snapshot.
     */
    public boolean removeSnapshot(String snapshotId)
            throws IOException
    {
        if (currentSnapshotId().filter(snapshotId::equals).isPresent()) {
            throw new IllegalArgumentException("snapshot " + snapshotId + " is CURRENT");
        }
        try (ExclusiveReaderLock lock = lockReaders(snapshotId)) {
            if (lock == null) {
                return false;
            }
            // Renamed away first, so a reader never finds a half-removed snapshot under its id.
            Path removed = snapshotsFolder().resolve(STAGING_PREFIX + "removed-" + snapshotId);
            Files.move(snapshot(snapshotId), removed, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(removed);
            removeBuiltDatabases(snapshotId);
            Files.deleteIfExists(lock.file);
            return true;
        }
    }

    private void removeBuiltDatabases(String snapshotId)
            throws IOException
    {
        Path folder = root.resolve(BUILT_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.filter(path -> path.getFileName().toString().startsWith(snapshotId + "-"))::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The exclusive reader lock of a snapshot, null when a reader holds it. */
    private ExclusiveReaderLock lockReaders(String snapshotId)
            throws IOException
    {
        checkSnapshotId(snapshotId);
        Path lockFile = root.resolve(READERS_FOLDER).resolve(snapshotId + ".lock");
        synchronized (READER_LOCKS) {
            if (READER_LOCKS.containsKey(lockFile)) {
                return null;
            }
        }
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new ExclusiveReaderLock(lockFile, channel);
        }
        catch (OverlappingFileLockException e) {
            channel.close();
            return null;
        }
    }

    private record ExclusiveReaderLock(Path file, FileChannel channel)
            implements AutoCloseable
    {
        @Override
        public void close()
                throws IOException
        {
            channel.close();
        }
    }

    /** One lock file's shared lock in this JVM, released when its last holder closes its lease. */
    private static final class ReaderLock
    {
        private final Path file;
        private final FileChannel channel;
        private int holders;
        private boolean released;

        ReaderLock(Path file, FileChannel channel)
        {
            this.file = file;
            this.channel = channel;
        }

        void release()
                throws IOException
        {
            synchronized (READER_LOCKS) {
                if (released || --holders > 0) {
                    return;
                }
                released = true;
                READER_LOCKS.remove(file);
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }

    /** The id of the snapshot being served, if any has been published. */
    public Optional<String> currentSnapshotId()
    {
        try {
            String id = Files.readString(root.resolve(CURRENT_FILE), StandardCharsets.UTF_8).trim();
            if (!isSnapshotId(id)) {
                throw new IllegalStateException("CURRENT in " + root + " does not name a snapshot: '" + id + "'");
            }
            return Optional.of(id);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read CURRENT in " + root, e);
        }
    }

    /** Published snapshots, oldest first. */
    public List<String> snapshotIds()
    {
        Path folder = snapshotsFolder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(path -> path.getFileName().toString())
                    .filter(WarehouseDirectory::isSnapshotId)
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }

    /**
     * Publishes a fully written staging snapshot: renames it into place, then
     * points CURRENT at it. Both steps are atomic renames on one file system.
     */
    public void publish(String snapshotId)
            throws IOException
    {
        Path staging = staging(snapshotId);
        if (!Files.isDirectory(staging)) {
            throw new NoSuchFileException(staging.toString(), null, "no staged snapshot to publish");
        }
        Path target = snapshot(snapshotId);
        forceTree(staging);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        force(snapshotsFolder());

        Path next = root.resolve(CURRENT_FILE + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((snapshotId + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(next, root.resolve(CURRENT_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the warehouse folder must support atomic renames: " + root, e);
        }
        force(root);
    }

    private static void checkSnapshotId(String snapshotId)
    {
        if (!isSnapshotId(snapshotId)) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshotId);
        }
    }

    /** Flushes every file of a written tree to disk before it is published. */
    private static void forceTree(Path folder)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                force(path);
            }
        }
    }

    private static void force(Path path)
            throws IOException
    {
        // Directories can be opened for reading and forced on Linux; elsewhere this is best effort.
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            if (!Files.isDirectory(path)) {
                throw e;
            }
        }
    }
}
