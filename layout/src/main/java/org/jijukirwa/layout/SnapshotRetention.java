package org.jijukirwa.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Which published snapshots to keep: CURRENT's, the newest {@code keepLast}, those published less than
 * {@code keepFor} ago, and any a running server reads ({@link WarehouseDirectory#readSnapshot}); the others may go.
 * Table files shared with a kept snapshot (hard links) stay: removing a snapshot removes only its names.
 */
public final class SnapshotRetention
{
    public static final int DEFAULT_KEEP_LAST = 5;
    public static final Duration DEFAULT_KEEP_FOR = Duration.ofDays(7);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final int keepLast;
    private final Duration keepFor;

    public SnapshotRetention(int keepLast, Duration keepFor)
    {
        if (keepLast < 1) {
            throw new IllegalArgumentException("keep at least the last snapshot (keep-last >= 1), not " + keepLast);
        }
        if (keepFor.isNegative()) {
            throw new IllegalArgumentException("the age to keep cannot be negative: " + keepFor);
        }
        this.keepLast = keepLast;
        this.keepFor = requireNonNull(keepFor, "keepFor is null");
    }

    /** One published snapshot and why it is kept, if it is. */
    public record Entry(String id, Instant startedAt, boolean current, boolean beingRead, Optional<String> keptBecause, long files, long ownBytes)
    {
        public boolean kept()
        {
            return keptBecause.isPresent();
        }
    }

    /** Every published snapshot, oldest first, with the policy's verdict at {@code now}. */
    public List<Entry> review(WarehouseDirectory warehouse, Instant now)
    {
        List<String> ids = warehouse.snapshotIds();
        Optional<String> current = warehouse.currentSnapshotId();
        List<Entry> entries = new ArrayList<>();
        for (int index = 0; index < ids.size(); index++) {
            String id = ids.get(index);
            Instant startedAt = startedAt(id);
            boolean isCurrent = current.filter(id::equals).isPresent();
            boolean beingRead = warehouse.isBeingRead(id);
            Optional<String> reason = Optional.empty();
            if (isCurrent) {
                reason = Optional.of("current");
            }
            else if (beingRead) {
                reason = Optional.of("read by a server");
            }
            else if (index >= ids.size() - keepLast) {
                reason = Optional.of("among the last " + keepLast);
            }
            else if (startedAt.isAfter(now.minus(keepFor))) {
                reason = Optional.of("younger than " + keepFor.toDays() + " days");
            }
            long[] sizes = sizes(warehouse.snapshot(id));
            entries.add(new Entry(id, startedAt, isCurrent, beingRead, reason, sizes[0], sizes[1]));
        }
        return entries;
    }

    /** Removes the snapshots the policy does not keep, holding the writer lock (no run publishes meanwhile); returns their ids. */
    public List<String> prune(WarehouseDirectory warehouse, Instant now)
            throws IOException
    {
        List<String> removed = new ArrayList<>();
        try (WarehouseDirectory.WriterLock lock = warehouse.lockForWriting()) {
            for (Entry entry : review(warehouse, now)) {
                if (!entry.kept() && warehouse.removeSnapshot(entry.id())) {
                    removed.add(entry.id());
                }
            }
        }
        return removed;
    }

    /** When the run that wrote a snapshot started: its id begins with that time. */
    static Instant startedAt(String id)
    {
        return Instant.from(ID_TIME.parse(id.substring(0, id.indexOf('-'))));
    }

    /** Files of a snapshot, and the bytes of those no other snapshot shares (what removing it frees). */
    private static long[] sizes(Path folder)
    {
        long files = 0;
        long ownBytes = 0;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files++;
                if (links(path) <= 1) {
                    ownBytes += Files.size(path);
                }
            }
        }
        catch (IOException | java.io.UncheckedIOException e) {
            // a snapshot removed meanwhile: what was counted
        }
        return new long[] {files, ownBytes};
    }

    private static int links(Path path)
            throws IOException
    {
        try {
            return (Integer) Files.getAttribute(path, "unix:nlink");
        }
        catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}
