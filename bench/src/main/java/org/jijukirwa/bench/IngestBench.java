package org.jijukirwa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jijukirwa.layout.WarehouseDirectory;

import static java.util.Objects.requireNonNull;

/**
 * Part 1: at each size, the full ingest, the bare Spark copy and DuckDB's COPY of the same generated
 * files, each in a JVM of its own, run in turn (so that a busy machine slows all three alike), repeated.
 */
public final class IngestBench
{
    public static final String INGEST = "ingest";
    public static final String SPARK_COPY = "spark_copy";
    public static final String DUCKDB_COPY = "duckdb_copy";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORK_SECONDS = Pattern.compile("work_seconds=([0-9.]+)");

    private final Programs programs;
    private final Path work;

    public IngestBench(Programs programs, Path work)
    {
        this.programs = requireNonNull(programs, "programs is null");
        this.work = requireNonNull(work, "work is null");
    }

    /** One run of one engine. workSeconds: the engine's own work, after its JVM and session started. */
    public record Run(int size, String engine, int repeat, double wallSeconds, double workSeconds, double cpuSeconds, long peakRssBytes, long peakHeapBytes)
    {
    }

    /** A generated data set: where it is, its rows (records of all four datasets), bytes and as-of date. */
    public record DataSet(int size, Path folder, long rows, long bytes, String asOf)
    {
    }

    /** The generated files of a size, generated now unless the same command already wrote them. */
    public DataSet dataSet(int size, long seed)
    {
        Path folder = work.resolve("data-" + size + "-seed-" + seed);
        Path manifest = folder.resolve("MANIFEST.json");
        if (!Files.exists(manifest)) {
            deleteTree(folder);
            log("generating " + size + " cooperatives into " + folder);
            ProcessProbe.run(programs.generator(folder, size, seed), work.resolve("logs/generate-" + size + ".log"));
        }
        try {
            JsonNode tree = JSON.readTree(manifest.toFile());
            long rows = 0;
            long bytes = 0;
            for (JsonNode dataset : tree.get("datasets")) {
                rows += dataset.get("rows").asLong();
                for (JsonNode file : dataset.get("files")) {
                    bytes += file.get("bytes").asLong();
                }
            }
            return new DataSet(size, folder, rows, bytes, tree.get("as_of").asText());
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + manifest, e);
        }
    }

    /** Runs every engine {@code repeats} times; the ingest's warehouse of the last repeat is kept in {@link #warehouse}. */
    public List<Run> run(DataSet data, int repeats)
    {
        Path hmacKey = hmacKeyFile();
        List<Run> runs = new ArrayList<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            Path warehouse = warehouse(data.size());
            deleteTree(warehouse);
            runs.add(measure(data, INGEST, repeat, programs.ingest(data.folder(), warehouse, data.asOf(), hmacKey, gcLog(data, INGEST, repeat)),
                    log -> ingestSeconds(warehouse)));
            Path sparkOut = work.resolve("spark-copy-" + data.size());
            deleteTree(sparkOut);
            runs.add(measure(data, SPARK_COPY, repeat, programs.sparkCopy(data.folder(), sparkOut, gcLog(data, SPARK_COPY, repeat)), IngestBench::printedSeconds));
            deleteTree(sparkOut);
            Path duckOut = work.resolve("duckdb-copy-" + data.size());
            deleteTree(duckOut);
            runs.add(measure(data, DUCKDB_COPY, repeat, programs.duckDbCopy(data.folder(), duckOut, gcLog(data, DUCKDB_COPY, repeat)), IngestBench::printedSeconds));
            deleteTree(duckOut);
        }
        return runs;
    }

    /** The warehouse the ingest of a size publishes into. */
    public Path warehouse(int size)
    {
        return work.resolve("warehouse-" + size);
    }

    /** Ingests a size once (for the query benchmark when the ingest part is skipped), unless it was already. */
    public void ensureIngested(DataSet data)
    {
        Path warehouse = warehouse(data.size());
        if (new WarehouseDirectory(warehouse).currentSnapshotId().isEmpty()) {
            log("ingesting " + data.size() + " cooperatives for the query benchmark");
            ProcessProbe.run(programs.ingest(data.folder(), warehouse, data.asOf(), hmacKeyFile(), work.resolve("logs/gc-ingest-once.log")),
                    work.resolve("logs/ingest-once-" + data.size() + ".log"));
        }
    }

    private Run measure(DataSet data, String engine, int repeat, List<String> command, WorkSeconds workSeconds)
    {
        log(String.format("size %d, %s, run %d", data.size(), engine, repeat));
        Path log = work.resolve("logs/" + engine + "-" + data.size() + "-" + repeat + ".log");
        ProcessProbe.Measure measure = ProcessProbe.run(command, log);
        GcLog.Heap heap = GcLog.peak(gcLog(data, engine, repeat));
        Run run = new Run(data.size(), engine, repeat, measure.wallSeconds(), workSeconds.of(log), measure.cpuSeconds(), measure.peakRssBytes(), heap.peakUsedBytes());
        log(String.format("  wall %.1f s, work %.1f s, cpu %.1f s, peak RSS %d MB, peak heap %d MB", run.wallSeconds(), run.workSeconds(), run.cpuSeconds(),
                run.peakRssBytes() >> 20, run.peakHeapBytes() >> 20));
        return run;
    }

    private interface WorkSeconds
    {
        double of(Path log);
    }

    private static double printedSeconds(Path log)
    {
        try {
            Matcher matcher = WORK_SECONDS.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    /** The ingest's own time: started_at to finished_at of the run report it published. */
    static double ingestSeconds(Path warehouse)
    {
        WarehouseDirectory directory = new WarehouseDirectory(warehouse);
        String id = directory.currentSnapshotId().orElseThrow(() -> new IllegalStateException("the ingest published nothing in " + warehouse));
        Path report = directory.snapshot(id).resolve(WarehouseDirectory.RUN_REPORT_FILE);
        try {
            JsonNode tree = JSON.readTree(report.toFile());
            return Duration.between(Instant.parse(tree.get("started_at").asText()), Instant.parse(tree.get("finished_at").asText())).toMillis() / 1000.0;
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + report, e);
        }
    }

    private Path gcLog(DataSet data, String engine, int repeat)
    {
        return work.resolve("logs/gc-" + engine + "-" + data.size() + "-" + repeat + ".log");
    }

    /** A key for person_key made for the bench (its pseudonyms are never compared with anything else). */
    Path hmacKeyFile()
    {
        Path file = work.resolve("bench-hmac.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(work);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.UTF_8);
            }
            return file;
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /** Medians of the runs by size and engine. */
    public static Map<String, Map<String, Double>> medians(List<Run> runs, int size)
    {
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        for (String engine : List.of(INGEST, SPARK_COPY, DUCKDB_COPY)) {
            List<Run> of = runs.stream().filter(run -> run.size() == size && run.engine().equals(engine)).toList();
            if (of.isEmpty()) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("wall_seconds", Statistics.median(of.stream().map(Run::wallSeconds).toList()));
            values.put("work_seconds", Statistics.median(of.stream().map(Run::workSeconds).toList()));
            values.put("cpu_seconds", Statistics.median(of.stream().map(Run::cpuSeconds).toList()));
            values.put("peak_rss_mb", of.stream().mapToDouble(run -> run.peakRssBytes() / 1048576.0).max().orElse(0));
            values.put("peak_heap_mb", of.stream().mapToDouble(run -> run.peakHeapBytes() / 1048576.0).max().orElse(0));
            medians.put(engine, values);
        }
        return medians;
    }

    static void deleteTree(Path folder)
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot delete " + folder, e);
        }
    }

    static void log(String message)
    {
        System.err.println("[bench] " + message);
    }
}
