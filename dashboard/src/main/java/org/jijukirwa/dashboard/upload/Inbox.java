package org.jijukirwa.dashboard.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.runqueue.RunInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The uploaded files, beside the warehouse's snapshots ({@code <warehouse>/inbox}, never in the web root): each stored
 * once under its SHA-256 in {@code files/}, and listed in upload order in {@code index.jsonl}. The same content
 * uploaded again is recognised and not listed twice.
 * <p>
 * A run's input holds every file of the inbox, {@code <sequence>/<dataset>/<name>}: the ingest skips the files it
 * has already ingested (by content hash) and carries every dataset forward, so giving it all loses nothing, and
 * the sequence makes a later upload a later file in the ingest's order, so that its rows win over older ones.
 */
@Singleton
public final class Inbox
        implements RunInput
{
    private final Path root;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json = new ObjectMapper();
    private final List<InboxEntry> entries = new ArrayList<>();

    public Inbox(@Property(name = "jijukirwa.warehouse.directory") Path warehouse)
    {
        this.root = warehouse.resolve("inbox");
        this.entries.addAll(readIndex());
    }

    public Path root()
    {
        return root;
    }

    /** The result of storing one file: its entry, and whether the same content was uploaded before. */
    public record Stored(InboxEntry entry, boolean known)
    {
    }

    /** Stores a file's content under its hash; the first upload of a content is the one listed. */
    public Stored store(String name, @Nullable String dataset, InputStream content, @Nullable String user)
            throws IOException
    {
        Path files = Files.createDirectories(root.resolve("files"));
        Path temporary = Files.createTempFile(files, ".upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long bytes;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                bytes = content.transferTo(out);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            synchronized (this) {
                Optional<InboxEntry> earlier = entries.stream().filter(entry -> entry.sha256().equals(sha256) && sameUse(entry, dataset)).findFirst();
                if (earlier.isPresent()) {
                    return new Stored(earlier.get(), true);
                }
                try {
                    Files.move(temporary, files.resolve(sha256), StandardCopyOption.ATOMIC_MOVE);
                }
                catch (FileAlreadyExistsException e) {
                    // the same bytes stored for another use (a dataset chosen differently): one copy serves both
                }
                InboxEntry entry = new InboxEntry(entries.size() + 1, sha256, safeName(name), dataset, bytes, clock.instant(), user);
                append(entry);
                entries.add(entry);
                return new Stored(entry, false);
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Every entry, in upload order. */
    public synchronized List<InboxEntry> entries()
    {
        return List.copyOf(entries);
    }

    @Override
    public void writeTo(Path folder)
            throws IOException
    {
        for (InboxEntry entry : entries()) {
            if (entry.isMapping()) {
                continue;
            }
            Path place = folder.resolve(String.format("%06d", entry.sequence()));
            if (entry.dataset() != null) {
                place = place.resolve(entry.dataset());
            }
            Path target = Files.createDirectories(place).resolve(entry.name());
            try {
                Files.createLink(target, root.resolve("files").resolve(entry.sha256()));
            }
            catch (IOException | UnsupportedOperationException e) {
                Files.copy(root.resolve("files").resolve(entry.sha256()), target);
            }
        }
    }

    @Override
    public Path mappingFile(String sha256)
    {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a content hash: " + sha256);
        }
        return root.resolve("files").resolve(sha256);
    }

    /**
     * A name safe in a folder: the last path part only, letters, digits, dot, dash and underscore kept, the rest
     * an underscore, never hidden (the ingest skips hidden files), at most 100 characters.
     */
    static String safeName(String name)
    {
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100);
        }
        return safe.isEmpty() ? "upload" : safe;
    }

    private static boolean sameUse(InboxEntry entry, @Nullable String dataset)
    {
        return entry.dataset() == null ? dataset == null : entry.dataset().equals(dataset);
    }

    private void append(InboxEntry entry)
            throws IOException
    {
        ObjectNode node = json.createObjectNode();
        node.put("sequence", entry.sequence());
        node.put("sha256", entry.sha256());
        node.put("name", entry.name());
        node.put("dataset", entry.dataset());
        node.put("bytes", entry.bytes());
        node.put("uploaded_at", entry.uploadedAt().toString());
        node.put("user", entry.user());
        Files.writeString(root.resolve("index.jsonl"), json.writeValueAsString(node) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private List<InboxEntry> readIndex()
    {
        Path index = root.resolve("index.jsonl");
        if (!Files.exists(index)) {
            return List.of();
        }
        List<InboxEntry> read = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                try {
                    JsonNode node = json.readTree(line);
                    read.add(new InboxEntry(read.size() + 1, node.get("sha256").asText(), node.get("name").asText(),
                            node.get("dataset").isNull() ? null : node.get("dataset").asText(), node.get("bytes").asLong(),
                            Instant.parse(node.get("uploaded_at").asText()), node.get("user").isNull() ? null : node.get("user").asText()));
                }
                catch (IOException | RuntimeException e) {
                    // a torn last line after a crash: its file was never listed
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the inbox index " + index + ": " + e.getMessage(), e);
        }
        return read;
    }

    private static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
