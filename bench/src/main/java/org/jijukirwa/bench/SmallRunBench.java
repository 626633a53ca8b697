package org.jijukirwa.bench;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;
import org.jijukirwa.warehouse.snapshot.SnapshotLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Part 5 (--small-run): what a run that brings one small export costs on a warehouse that already holds the rest.
 * At each size the generated files lose the last {@link #ROWS_PER_DATASET} rows of each dataset's latest file (1,000
 * rows in all: new members, new versions of cooperatives, attendances, visits); those files are ingested once (not
 * timed), then the held-out rows arrive as one export and a second run ingests them (timed, with its stages). Then the
 * new snapshot is loaded as a running server loads it (building its aggregates), and loaded again as after a restart
 * (from what the first load kept).
 */
public final class SmallRunBench
{
    public static final int ROWS_PER_DATASET = 250;
    private static final List<String> DATASETS = List.of("cooperatives", "members", "trainings", "coaching");
    private static final Pattern STAGE = Pattern.compile("^\\[ingest\\] ([a-z]+): .*\\(([0-9.]+) s\\)$");

    private final Programs programs;
    private final Path work;

    public SmallRunBench(Programs programs, Path work)
    {
        this.programs = requireNonNull(programs, "programs is null");
        this.work = requireNonNull(work, "work is null");
    }

    /** One small run: its wall time, its stages' seconds (as the run printed them), and the server's two loads. */
    public record Run(int size, int repeat, long exportRows, double wallSeconds, Map<String, Double> stageSeconds, double newSnapshotLoadSeconds,
            double restartLoadSeconds, long peakRssBytes, Map<String, Double> newSnapshotLoadSplit)
    {
    }

    public List<Run> run(IngestBench.DataSet data, int repeats, Path hmacKey)
    {
        List<Run> runs = new ArrayList<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            runs.add(measure(data, repeat, hmacKey));
        }
        return runs;
    }

    private Run measure(IngestBench.DataSet data, int repeat, Path hmacKey)
    {
        Path input = work.resolve("small-run-input-" + data.size());
        Path warehouse = work.resolve("small-run-warehouse-" + data.size());
        IngestBench.deleteTree(input);
        IngestBench.deleteTree(warehouse);
        long exportRows = split(data.folder(), input);
        IngestBench.log(String.format("size %d, small run %d: ingesting all but %d rows (not timed)", data.size(), repeat, exportRows));
        ProcessProbe.Measure base = ProcessProbe.run(programs.ingest(input.resolve("base"), warehouse, data.asOf(), hmacKey, work.resolve("logs/gc-small-base.log")),
                work.resolve("logs/small-base-" + data.size() + "-" + repeat + ".log"));
        if (base.exitCode() != 0) {
            throw new IllegalStateException("the base ingest failed; see " + work.resolve("logs"));
        }
        move(input.resolve("export"), input.resolve("base").resolve("export"));
        Path log = work.resolve("logs/small-run-" + data.size() + "-" + repeat + ".log");
        ProcessProbe.Measure small = ProcessProbe.run(programs.ingest(input.resolve("base"), warehouse, data.asOf(), hmacKey, work.resolve("logs/gc-small-run.log")), log);
        if (small.exitCode() != 0) {
            throw new IllegalStateException("the small run failed; see " + log);
        }
        WarehouseDirectory directory = new WarehouseDirectory(warehouse);
        String id = directory.currentSnapshotId().orElseThrow();
        Map<String, Double> split = new LinkedHashMap<>();
        double firstLoad = load(directory, id, split);
        double restart = load(directory, id, new LinkedHashMap<>());
        Run run = new Run(data.size(), repeat, exportRows, small.wallSeconds(), stages(log), firstLoad, restart, small.peakRssBytes(), split);
        IngestBench.log(String.format("  small run %.1f s %s; new snapshot loaded in %.1f s (%s), again after a restart in %.1f s", run.wallSeconds(),
                run.stageSeconds(), firstLoad, split, restart));
        IngestBench.deleteTree(warehouse);
        IngestBench.deleteTree(input);
        return run;
    }

    /** Loads a snapshot as a server does; returns the seconds and puts what the load spent building, step by step, into {@code split}. */
    private static double load(WarehouseDirectory directory, String id, Map<String, Double> split)
    {
        long started = System.nanoTime();
        LoadedSnapshot snapshot = SnapshotLoader.load(directory, id);
        double seconds = (System.nanoTime() - started) / 1e9;
        split.putAll(snapshot.buildSeconds());
        snapshot.release();
        return seconds;
    }

    /** Copies the generated datasets into base/, less the last rows of each dataset's latest file, which go to export/; returns those rows. */
    static long split(Path generated, Path input)
    {
        long held = 0;
        try {
            for (String dataset : DATASETS) {
                Path folder = generated.resolve(dataset);
                List<Path> files;
                try (Stream<Path> children = Files.list(folder)) {
                    files = children.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    Path target = input.resolve("base").resolve(dataset).resolve(file.getFileName());
                    Files.createDirectories(target.getParent());
                    if (!file.equals(files.get(files.size() - 1))) {
                        Files.copy(file, target);
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    boolean csv = file.getFileName().toString().endsWith(".csv");
                    int first = csv ? 1 : 0;
                    int cut = Math.max(first, lines.size() - ROWS_PER_DATASET);
                    List<String> kept = new ArrayList<>(lines.subList(0, cut));
                    List<String> export = new ArrayList<>(csv ? List.of(lines.get(0)) : List.of());
                    export.addAll(lines.subList(cut, lines.size()));
                    held += lines.size() - cut;
                    Files.write(target, kept, StandardCharsets.UTF_8);
                    String name = file.getFileName().toString();
                    Path exported = input.resolve("export").resolve(name.replaceFirst("(\\.[a-z]+)$", "_export$1"));
                    Files.createDirectories(exported.getParent());
                    Files.write(exported, export, StandardCharsets.UTF_8);
                }
            }
            return held;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to)
    {
        try {
            Files.move(from, to);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seconds of each stage the run printed ("[ingest] members: ... (3.2 s)"). */
    static Map<String, Double> stages(Path log)
    {
        Map<String, Double> stages = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher matcher = STAGE.matcher(line.strip());
                if (matcher.matches()) {
                    stages.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stages;
    }
}
