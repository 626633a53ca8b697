package org.jijukirwa.dashboard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An append-only log of who did what, one JSON object per line ({@link AuditEntry}), in a file beside the warehouse.
 * Every entry is also written to the {@code org.jijukirwa.audit} logger, so that it reaches the server's log too.
 * <p>
 * Appends are serialised and each line is written whole, so that concurrent requests never interleave. A line that
 * cannot be read back (a torn last line after a crash) is skipped when reading.
 */
public final class AuditLog
{
    private static final Logger LOG = LoggerFactory.getLogger("org.jijukirwa.audit");

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Path file, Clock clock)
    {
        this.file = requireNonNull(file, "file");
        this.clock = requireNonNull(clock, "clock");
    }

    public Path file()
    {
        return file;
    }

    /** Appends an entry stamped now. */
    public void record(@Nullable String user, @Nullable String address, String action, String detail)
    {
        AuditEntry entry = new AuditEntry(clock.instant(), user, address, action, detail);
        LOG.info("{} user={} address={} {}", action, user, address, detail);
        try {
            byte[] line = (json.writeValueAsString(toJson(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                Files.createDirectories(file.getParent());
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The client address of a request, as the log and the per-client bounds use it: the connection's address, or, when it
     * is one of {@code jijukirwa.server.trusted-proxies}, the last untrusted hop of X-Forwarded-For ({@link ClientAddressFilter});
     * forwarded-for headers from anyone else are not believed, as anyone can write them.
     */
    public static String clientAddress(HttpRequest<?> request)
    {
        return request.getAttribute(ClientAddressFilter.ATTRIBUTE, String.class).orElseGet(() -> connectionAddress(request));
    }

    /** The address the request's connection comes from. */
    static String connectionAddress(HttpRequest<?> request)
    {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** The newest entries first, at most {@code limit} of them. */
    public List<AuditEntry> newest(int limit)
    {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<AuditEntry> newest = new ArrayDeque<>(Math.min(limit, 1024));
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                AuditEntry entry = parse(line);
                if (entry != null) {
                    if (newest.size() == limit) {
                        newest.removeFirst();
                    }
                    newest.addLast(entry);
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        List<AuditEntry> result = new ArrayList<>(newest);
        Collections.reverse(result);
        return result;
    }

    private ObjectNode toJson(AuditEntry entry)
    {
        ObjectNode node = json.createObjectNode();
        node.put("at", entry.at().toString());
        node.put("user", entry.user());
        node.put("address", entry.address());
        node.put("action", entry.action());
        node.put("detail", entry.detail());
        return node;
    }

    private @Nullable AuditEntry parse(String line)
    {
        try {
            JsonNode node = json.readTree(line);
            return new AuditEntry(Instant.parse(node.get("at").asText()), text(node, "user"), text(node, "address"),
                    node.get("action").asText(), node.get("detail").asText());
        }
        catch (IOException | RuntimeException e) {
            return null; // a torn or foreign line
        }
    }

    private static @Nullable String text(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
