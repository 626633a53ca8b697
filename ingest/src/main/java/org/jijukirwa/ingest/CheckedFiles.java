package org.jijukirwa.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The input files an earlier run of this warehouse already read in full and found sound, with their content hash,
 * so that a run does not read again, byte by byte, the whole history of exports lying in the input folder. A file is
 * taken as unchanged when its path, size, modification time (to the nanosecond where the file system keeps it) and
 * file key (the inode) are those remembered: the rule rsync and git use. Anything else (a new, grown, touched or
 * replaced file) is read again. Only files that passed are remembered, so a rejected file is checked again on every
 * run and its rejection is reported again.
 *
 * <p>The list lives in {@code <warehouse>/.checked-files.tsv}, is written only by the holder of the writer lock, and
 * is a cache: a missing or damaged list means every file is read, and deleting it forces that.
 */
final class CheckedFiles
{
    private static final String HEADER = "# path\tkind\tsha256\tsize\tmodified_nanos\tfile_key";

    /** What an earlier run learnt by reading a file. */
    enum Kind
    {
        /** {@link TextFileCheck} found nothing wrong; the hash is of its bytes. */
        TEXT_CHECKED,
        /** A container (workbook or zip) hashed; its contents are read by the run's planner anyway. */
        HASHED
    }

    private record Stat(long size, long modifiedNanos, String fileKey)
    {
    }

    private record Entry(Kind kind, String sha256, Stat stat)
    {
    }

    private final Optional<Path> file;
    private final Map<String, Entry> remembered;
    private final Map<String, Entry> seen = new HashMap<>();
    private int reused;

    private CheckedFiles(Optional<Path> file, Map<String, Entry> remembered)
    {
        this.file = file;
        this.remembered = remembered;
    }

    /** A list that remembers nothing and is never saved (tests, and runs outside a warehouse). */
    static CheckedFiles none()
    {
        return new CheckedFiles(Optional.empty(), Map.of());
    }

    /** The list kept in {@code file}; empty when the file is missing or cannot be parsed. */
    static CheckedFiles at(Path file)
    {
        return new CheckedFiles(Optional.of(file), read(file));
    }

    /**
     * The hash of a text file that passed {@link TextFileCheck}, remembered or found by {@code check}. A rejected
     * outcome is returned as it is and not remembered.
     */
    TextFileCheck.Outcome textChecked(Path path, Supplier<TextFileCheck.Outcome> check)
    {
        Optional<String> known = lookup(path, Kind.TEXT_CHECKED);
        if (known.isPresent()) {
            return new TextFileCheck.Outcome(known.get(), Optional.empty());
        }
        TextFileCheck.Outcome outcome = check.get();
        if (outcome.rejection().isEmpty()) {
            remember(path, Kind.TEXT_CHECKED, outcome.sha256());
        }
        return outcome;
    }

    /** The content hash of a file, remembered or computed by {@code hash}. */
    String hashed(Path path, Supplier<String> hash)
    {
        Optional<String> known = lookup(path, Kind.HASHED).or(() -> lookup(path, Kind.TEXT_CHECKED));
        if (known.isPresent()) {
            return known.get();
        }
        String sha256 = hash.get();
        remember(path, Kind.HASHED, sha256);
        return sha256;
    }

    /** How many files this run took from the list instead of reading them. */
    int reused()
    {
        return reused;
    }

    /**
     * Writes the files this run checked or took from the list (a file no longer in the input is forgotten), by a
     * rename so a reader never sees half a list. A list that cannot be written only costs the next run a full read.
     */
    void save()
    {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        seen.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Entry e = entry.getValue();
            text.append(entry.getKey()).append('\t').append(e.kind()).append('\t').append(e.sha256()).append('\t')
                    .append(e.stat().size()).append('\t').append(e.stat().modifiedNanos()).append('\t').append(e.stat().fileKey()).append('\n');
        });
        try {
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException | UncheckedIOException e) {
            // A cache: the next run reads every file again, which is slower and as correct.
        }
    }

    private Optional<String> lookup(Path path, Kind kind)
    {
        String key = key(path);
        Entry entry = remembered.get(key);
        if (entry == null || entry.kind() != kind) {
            return Optional.empty();
        }
        Optional<Stat> now = stat(path);
        if (now.isEmpty() || !now.get().equals(entry.stat())) {
            return Optional.empty();
        }
        seen.put(key, entry);
        reused++;
        return Optional.of(entry.sha256());
    }

    private void remember(Path path, Kind kind, String sha256)
    {
        // The stat is taken after the read: a file written while it was read has a newer time and is read again next run.
        stat(path).ifPresent(stat -> seen.put(key(path), new Entry(kind, sha256, stat)));
    }

    private static String key(Path path)
    {
        return path.toAbsolutePath().normalize().toString();
    }

    private static Optional<Stat> stat(Path path)
    {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object fileKey = attributes.fileKey();
            return Optional.of(new Stat(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    fileKey == null ? "-" : fileKey.toString().replace('\t', ' ')));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Entry> read(Path file)
    {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, Entry> entries = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return Map.of();
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 6 || !fields[2].matches("[0-9a-f]{64}")) {
                    return Map.of();
                }
                entries.put(fields[0], new Entry(Kind.valueOf(fields[1]), fields[2],
                        new Stat(Long.parseLong(fields[3]), Long.parseLong(fields[4]), fields[5])));
            }
        }
        catch (IOException | RuntimeException e) {
            return Map.of();  // damaged: read everything again
        }
        return entries;
    }
}
