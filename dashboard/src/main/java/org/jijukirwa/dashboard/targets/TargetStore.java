package org.jijukirwa.dashboard.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.runqueue.ReferenceInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The targets as admins last edited them, beside the uploads ({@code <warehouse>/inbox/targets/}, never in the web
 * root): each version a targets file stored once under its SHA-256 ({@code <sha256>.csv}), and every edit a line of
 * {@code edits.jsonl} (the file, who, when); the last line names the targets in force. Before any edit, the bundled
 * targets are. A run's reference folder holds the bundled districts, value chains and topics and these targets.
 */
@Singleton
public final class TargetStore
        implements ReferenceInput
{
    private final BundledReference bundled;
    private final Path root;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json = new ObjectMapper();

    public TargetStore(BundledReference bundled, @Property(name = "jijukirwa.warehouse.directory") Path warehouse)
    {
        this.bundled = bundled;
        this.root = warehouse.resolve("inbox").resolve("targets");
    }

    /** The targets in force and where they come from; {@code edit} is empty for the bundled ones. */
    public record Current(List<ProgrammeTarget> targets, String sha256, Optional<Edit> edit)
    {
    }

    /** One edit: the stored targets file, who saved it and when. */
    public record Edit(String sha256, @Nullable String user, Instant at)
    {
    }

    public synchronized Current current()
    {
        Optional<Edit> edit = lastEdit();
        if (edit.isEmpty()) {
            return new Current(bundled.targets(), sha256(bundled.targetsFile()), Optional.empty());
        }
        return new Current(parse(read(edit.get().sha256())), edit.get().sha256(), edit);
    }

    /** Stores the targets (once per content) and records the edit; the caller has checked them. */
    public synchronized Edit save(List<ProgrammeTarget> targets, @Nullable String user)
            throws IOException
    {
        byte[] file = csv(targets);
        String sha256 = sha256(file);
        Files.createDirectories(root);
        Path stored = root.resolve(sha256 + ".csv");
        if (!Files.exists(stored)) {
            Path temporary = Files.createTempFile(root, ".targets-", ".part");
            Files.write(temporary, file);
            Files.move(temporary, stored, StandardCopyOption.ATOMIC_MOVE);
        }
        Edit edit = new Edit(sha256, user, clock.instant());
        ObjectNode line = json.createObjectNode();
        line.put("sha256", edit.sha256());
        line.put("user", edit.user());
        line.put("at", edit.at().toString());
        Files.writeString(root.resolve("edits.jsonl"), json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return edit;
    }

    @Override
    public void writeTo(Path folder)
            throws IOException
    {
        Optional<Edit> edit;
        synchronized (this) {
            edit = lastEdit();
        }
        bundled.writeFolder(folder, edit.isPresent() ? read(edit.get().sha256()) : bundled.targetsFile());
    }

    /**
     * The targets file of these targets: the header, then each target name in the bundled file's order, its districts
     * in NISR order and the programme-wide line last, so that the same targets always make the same bytes (the bundled
     * targets make the bundled file).
     */
    byte[] csv(List<ProgrammeTarget> targets)
    {
        List<String> names = bundled.targetNames();
        List<String> districts = bundled.districtCodes();
        Comparator<ProgrammeTarget> order = Comparator.<ProgrammeTarget>comparingInt(target -> names.indexOf(target.target()))
                .thenComparingInt(target -> target.districtCode() == null ? Integer.MAX_VALUE : districts.indexOf(target.districtCode()));
        StringBuilder text = new StringBuilder(BundledReference.TARGETS_HEADER).append('\n');
        for (ProgrammeTarget target : targets.stream().sorted(order).toList()) {
            text.append(target.target()).append(',').append(target.districtCode() == null ? "" : target.districtCode()).append(',')
                    .append(target.value()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Optional<Edit> lastEdit()
    {
        Path edits = root.resolve("edits.jsonl");
        if (!Files.exists(edits)) {
            return Optional.empty();
        }
        try {
            Edit last = null;
            for (String line : Files.readAllLines(edits, StandardCharsets.UTF_8)) {
                try {
                    JsonNode node = json.readTree(line);
                    String sha256 = node.get("sha256").asText();
                    if (sha256.matches("[0-9a-f]{64}") && Files.isRegularFile(root.resolve(sha256 + ".csv"))) {
                        last = new Edit(sha256, node.get("user").isNull() ? null : node.get("user").asText(), Instant.parse(node.get("at").asText()));
                    }
                }
                catch (IOException | RuntimeException e) {
                    // a torn last line after a crash: that edit was never answered as saved
                }
            }
            return Optional.ofNullable(last);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the targets' edits " + edits + ": " + e.getMessage(), e);
        }
    }

    private byte[] read(String sha256)
    {
        try {
            return Files.readAllBytes(root.resolve(sha256 + ".csv"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the edited targets " + sha256 + ": " + e.getMessage(), e);
        }
    }

    private static List<ProgrammeTarget> parse(byte[] file)
    {
        List<ProgrammeTarget> targets = new ArrayList<>();
        new String(file, StandardCharsets.UTF_8).lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
            String[] fields = line.split(",", -1);
            targets.add(new ProgrammeTarget(fields[0], fields[1].isEmpty() ? null : fields[1], Long.parseLong(fields[2])));
        });
        return targets;
    }

    static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
