package org.jijukirwa.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * {@code <snapshot>/manifest.json}: what a snapshot is, written by the ingest when it publishes and read by the
 * warehouse, the ingest's next run and the bench. {@code referenceFingerprint} is the ingest's fingerprint of the
 * reference rows (absent in manifests older than it); {@code referenceFiles} maps each reference file's name
 * (districts.csv, value_chains.csv, topics.csv, targets.csv) to the SHA-256 (hex) of its bytes, empty in manifests
 * older than it.
 */
public record SnapshotManifest(String snapshotId, LocalDate asOf, Instant startedAt, Instant finishedAt, int layoutVersion,
        Optional<String> referenceFingerprint, SortedMap<String, String> referenceFiles)
{
    public static final String SNAPSHOT_ID = "snapshot_id";
    public static final String AS_OF = "as_of";
    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    public static final String LAYOUT_VERSION = "layout_version";
    public static final String REFERENCE_FINGERPRINT = "reference_sha256";
    public static final String REFERENCE_FILES = "reference_files";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SnapshotManifest
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(referenceFingerprint, "referenceFingerprint is null");
        referenceFiles = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(referenceFiles, "referenceFiles is null")));
    }

    /** A manifest of this layout version. */
    public static SnapshotManifest of(String snapshotId, LocalDate asOf, Instant startedAt, Instant finishedAt, String referenceFingerprint,
            Map<String, String> referenceFiles)
    {
        return new SnapshotManifest(snapshotId, asOf, startedAt, finishedAt, WarehouseDirectory.LAYOUT_VERSION, Optional.of(referenceFingerprint),
                new TreeMap<>(referenceFiles));
    }

    /** The same manifest under another snapshot id (the bench republishes a snapshot's files under new ids). */
    public SnapshotManifest withSnapshotId(String newSnapshotId)
    {
        return new SnapshotManifest(newSnapshotId, asOf, startedAt, finishedAt, layoutVersion, referenceFingerprint, referenceFiles);
    }

    /**
     * Reads a manifest file.
     *
     * @throws IOException when the file cannot be read or is not JSON
     * @throws IllegalStateException naming the field that is missing or malformed
     */
    public static SnapshotManifest read(Path file)
            throws IOException
    {
        JsonNode tree = JSON.readTree(file.toFile());
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("the manifest " + file + " is not a JSON object");
        }
        try {
            SortedMap<String, String> referenceFiles = new TreeMap<>();
            JsonNode files = tree.path(REFERENCE_FILES);
            if (!files.isMissingNode() && !files.isNull()) {
                if (!files.isObject()) {
                    throw new IllegalStateException("the manifest " + file + " has a " + REFERENCE_FILES + " that is not an object");
                }
                files.fields().forEachRemaining(entry -> referenceFiles.put(entry.getKey(), entry.getValue().asText()));
            }
            JsonNode fingerprint = tree.get(REFERENCE_FINGERPRINT);
            return new SnapshotManifest(
                    text(tree, SNAPSHOT_ID, file),
                    LocalDate.parse(text(tree, AS_OF, file)),
                    Instant.parse(text(tree, STARTED_AT, file)),
                    Instant.parse(text(tree, FINISHED_AT, file)),
                    tree.path(LAYOUT_VERSION).asInt(WarehouseDirectory.LAYOUT_VERSION),
                    fingerprint == null || fingerprint.isNull() ? Optional.empty() : Optional.of(fingerprint.asText()),
                    referenceFiles);
        }
        catch (DateTimeParseException e) {
            throw new IllegalStateException("the manifest " + file + " has an unreadable date: " + e.getParsedString(), e);
        }
    }

    /** Writes the manifest (replacing the file). */
    public void write(Path file)
            throws IOException
    {
        Files.writeString(file, toJsonText(), StandardCharsets.UTF_8);
    }

    /** The manifest as the file holds it: pretty-printed JSON ending with a newline. */
    public String toJsonText()
    {
        ObjectNode root = JSON.createObjectNode();
        root.put(SNAPSHOT_ID, snapshotId);
        root.put(AS_OF, asOf.toString());
        root.put(STARTED_AT, startedAt.toString());
        root.put(FINISHED_AT, finishedAt.toString());
        root.put(LAYOUT_VERSION, layoutVersion);
        referenceFingerprint.ifPresent(fingerprint -> root.put(REFERENCE_FINGERPRINT, fingerprint));
        ObjectNode files = root.putObject(REFERENCE_FILES);
        referenceFiles.forEach(files::put);
        return root.toPrettyString() + "\n";
    }

    private static String text(JsonNode tree, String field, Path file)
    {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("the manifest " + file + " has no text field " + field);
        }
        return value.asText();
    }
}
