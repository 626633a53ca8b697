package org.jijukirwa.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.WarehouseDirectory;

import static java.util.Objects.requireNonNull;

/**
 * Parts 2 and 3: the dashboard server in a JVM of its own on 127.0.0.1, this process as the load
 * generator; the same requests' SQL run bare in DuckDB (in this process) on the same snapshot; then the
 * time from publishing a new snapshot to the first answer from it.
 */
public final class QueryBench
{
    public static final List<Integer> CONCURRENCY = List.of(1, 8, 32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Programs programs;
    private final Path work;
    private final DashboardRequests requests = DashboardRequests.load();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger variants = new AtomicInteger();

    public QueryBench(Programs programs, Path work)
    {
        this.programs = requireNonNull(programs, "programs is null");
        this.work = requireNonNull(work, "work is null");
    }

    /** One timed request: which, in which phase and at which concurrency, and its latency. */
    public record Sample(String phase, int concurrency, String request, double milliseconds)
    {
    }

    /** Everything part 2 and 3 measured. */
    public record Result(double serverStartSeconds, List<Sample> samples, long serverRssBytes, long serverPeakRssBytes,
                         List<Double> switchSeconds, long switchPeakRssBytes, int mismatches, List<String> mismatchNotes)
    {
    }

    public Result run(Path warehouse, int requestCount, int switches)
    {
        int port = freePort();
        Process server = null;
        try (BareDuckDb bare = BareDuckDb.load(warehouse, requests)) {
            // the logs folder exists only if this run generated or ingested something
            Files.createDirectories(work.resolve("logs"));
            long started = System.nanoTime();
            server = new ProcessBuilder(programs.server(warehouse, port, work.resolve("logs/gc-server.log")))
                    .redirectErrorStream(true).redirectOutput(work.resolve("logs/server.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base, server);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            IngestBench.log(String.format("server up in %.1f s", startSeconds));

            List<String> notes = new ArrayList<>();
            int mismatches = compare(base, bare, notes);
            List<Sample> samples = new ArrayList<>();
            // one round of every fixed request, so that the warm phases measure a warmed server
            for (DashboardRequests.Request request : requests.requests()) {
                get(base + request.path());
            }
            for (int concurrency : CONCURRENCY) {
                samples.addAll(phase("api_cold", concurrency, requestCount, index -> {
                    DashboardRequests.Request request = pick(index);
                    return new Timed(request.name(), time(() -> get(base + request.variantPath(variants.incrementAndGet()))));
                }));
                samples.addAll(phase("api_warm", concurrency, requestCount, index -> {
                    DashboardRequests.Request request = pick(index);
                    return new Timed(request.name(), time(() -> get(base + request.path())));
                }));
                samples.addAll(barePhase(bare, concurrency, requestCount));
                IngestBench.log("concurrency " + concurrency + " done");
            }
            ProcessProbe.Sample memory = ProcessProbe.sample(server.pid());

            List<Double> switchSeconds = new ArrayList<>();
            for (int index = 0; index < switches; index++) {
                switchSeconds.add(switchSnapshot(warehouse, base));
                IngestBench.log(String.format("snapshot switch %d: %.2f s", index + 1, switchSeconds.get(index)));
            }
            ProcessProbe.Sample afterSwitch = ProcessProbe.sample(server.pid());
            return new Result(startSeconds, samples, memory == null ? 0 : memory.rssBytes(), memory == null ? 0 : memory.peakRssBytes(),
                    switchSeconds, afterSwitch == null ? 0 : afterSwitch.peakRssBytes(), mismatches, notes);
        }
        catch (IOException | SQLException e) {
            throw new IllegalStateException("query benchmark failed: " + e.getMessage(), e);
        }
        finally {
            if (server != null) {
                server.destroy();
            }
        }
    }

    private DashboardRequests.Request pick(int index)
    {
        return requests.requests().get(index % requests.requests().size());
    }

    private record Timed(String request, double milliseconds)
    {
    }

    private interface Call
    {
        Timed call(int index)
                throws Exception;
    }

    /** {@code count} calls spread over {@code concurrency} clients, each taking the next index when free. */
    private static List<Sample> phase(String phase, int concurrency, int count, Call call)
    {
        AtomicInteger next = new AtomicInteger();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int client = 0; client < concurrency; client++) {
                futures.add(clients.submit(() -> {
                    for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                        Timed timed = call.call(index);
                        samples.add(new Sample(phase, concurrency, timed.request(), timed.milliseconds()));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        catch (Exception e) {
            throw new IllegalStateException(phase + " at concurrency " + concurrency + " failed: " + e.getMessage(), e);
        }
        finally {
            clients.shutdownNow();
        }
        return samples;
    }

    private List<Sample> barePhase(BareDuckDb bare, int concurrency, int count)
            throws SQLException
    {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int index = 0; index < concurrency; index++) {
                connections.add(bare.connect());
            }
            ThreadLocal<Connection> connection = new ThreadLocal<>();
            AtomicInteger handedOut = new AtomicInteger();
            return phase("bare_duckdb", concurrency, count, index -> {
                if (connection.get() == null) {
                    connection.set(connections.get(handedOut.getAndIncrement()));
                }
                DashboardRequests.Request request = pick(index);
                long started = System.nanoTime();
                bare.run(connection.get(), request);
                return new Timed(request.name(), (System.nanoTime() - started) / 1e6);
            });
        }
        finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** The API's numerators (where not suppressed) against the bare SQL's, request by request. */
    private int compare(String base, BareDuckDb bare, List<String> notes)
            throws SQLException
    {
        int mismatches = 0;
        try (Connection connection = bare.connect()) {
            for (DashboardRequests.Request request : requests.requests()) {
                List<Object> expected = bare.run(connection, request);
                JsonNode rows = JSON.readTree(get(base + request.path())).get("rows");
                boolean same = rows.size() == expected.size();
                for (int index = 0; same && index < rows.size(); index++) {
                    JsonNode row = rows.get(index);
                    if (!row.path("suppressed").asBoolean() && !row.path("numerator").isNull()) {
                        same = expected.get(index) != null && ((Number) expected.get(index)).doubleValue() == row.get("numerator").asDouble();
                    }
                }
                if (!same) {
                    mismatches++;
                    notes.add(request.name() + ": the API gave " + rows.size() + " rows, the bare SQL " + expected.size() + " or other numerators");
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read an answer: " + e.getMessage(), e);
        }
        return mismatches;
    }

    /**
     * Publishes a copy of the served snapshot under a new id (files hard-linked, manifest rewritten), then
     * asks for one answer every 10 ms until one comes from the new snapshot: seconds from the moment
     * CURRENT names it.
     */
    private double switchSnapshot(Path warehouse, String base)
            throws IOException
    {
        WarehouseDirectory directory = new WarehouseDirectory(warehouse);
        String served = directory.currentSnapshotId().orElseThrow();
        String id = WarehouseDirectory.newSnapshotId(Instant.now());
        Path source = directory.snapshot(served);
        Path staging = directory.staging(id);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = staging.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else if (path.getFileName().toString().equals(WarehouseDirectory.MANIFEST_FILE)) {
                    SnapshotManifest.read(path).withSnapshotId(id).write(target);
                }
                else {
                    Files.createLink(target, path);
                }
            }
        }
        directory.publish(id);
        long published = System.nanoTime();
        String probe = base + requests.requests().get(0).path();
        while (true) {
            JsonNode answer = JSON.readTree(get(probe));
            if (id.equals(answer.path("snapshot").asText())) {
                return (System.nanoTime() - published) / 1e9;
            }
            if ((System.nanoTime() - published) > START_TIMEOUT.toNanos()) {
                throw new IllegalStateException("the server did not switch to snapshot " + id + " within " + START_TIMEOUT);
            }
            sleep(10);
        }
    }

    private void awaitHealthy(String base, Process server)
    {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + work.resolve("logs/server.log"));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the server was not healthy within " + START_TIMEOUT);
    }

    private String get(String url)
    {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double time(Runnable call)
    {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static void sleep(long milliseconds)
    {
        try {
            Thread.sleep(milliseconds);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
