package org.jijukirwa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes the Markdown tables (report.md) and the raw figures (results.json, ingest-runs.csv, query-samples.csv). */
public final class Report
{
    private final StringBuilder markdown = new StringBuilder();
    private final Map<String, Object> raw = new LinkedHashMap<>();

    public Report(List<String> arguments)
    {
        raw.put("date", Instant.now().toString());
        raw.put("command", "./jijukirwa bench " + String.join(" ", arguments));
        raw.put("machine", machine());
        markdown.append("# Benchmark run ").append(raw.get("date")).append("\n\n")
                .append("Command: `").append(raw.get("command")).append("`  \n")
                .append("Machine: ").append(raw.get("machine")).append("\n\n");
    }

    public void ingest(List<IngestBench.DataSet> dataSets, List<IngestBench.Run> runs)
    {
        raw.put("ingest_runs", runs);
        List<Map<String, Object>> summary = new ArrayList<>();
        markdown.append("## 1. Ingest vs bare Spark copy vs DuckDB COPY (medians of the runs)\n\n")
                .append(tableHead(Set.of("engine"), "cooperatives", "rows", "MB", "engine", "wall s", "work s", "CPU s", "rows/s (wall)",
                        "wall / Spark", "wall / DuckDB", "CPU / Spark", "CPU / DuckDB", "peak RSS MB", "peak heap MB"));
        for (IngestBench.DataSet data : dataSets) {
            Map<String, Map<String, Double>> medians = IngestBench.medians(runs, data.size());
            Map<String, Double> spark = medians.get(IngestBench.SPARK_COPY);
            Map<String, Double> duck = medians.get(IngestBench.DUCKDB_COPY);
            medians.forEach((engine, values) -> {
                double wall = values.get("wall_seconds");
                double cpu = values.get("cpu_seconds");
                markdown.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %s | %.1f | %.1f | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f |%n",
                        data.size(), data.rows(), data.bytes() / 1e6, engine, wall, values.get("work_seconds"), cpu, data.rows() / wall,
                        wall / spark.get("wall_seconds"), wall / duck.get("wall_seconds"), cpu / spark.get("cpu_seconds"), cpu / duck.get("cpu_seconds"),
                        values.get("peak_rss_mb"), values.get("peak_heap_mb")));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("size", data.size());
                row.put("rows", data.rows());
                row.put("bytes", data.bytes());
                row.put("engine", engine);
                row.putAll(values);
                row.put("rows_per_second", data.rows() / wall);
                summary.add(row);
            });
        }
        markdown.append("\nwall: the program's JVM from start to exit; work: after its JVM and Spark session (or DuckDB) started; ")
                .append("CPU: user + system seconds of the process. Peak heap: from its GC log; peak RSS: VmHWM.\n\n");
        raw.put("ingest_medians", summary);
        StringBuilder csv = new StringBuilder("size,engine,repeat,wall_seconds,work_seconds,cpu_seconds,peak_rss_bytes,peak_heap_bytes\n");
        for (IngestBench.Run run : runs) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.3f,%.3f,%.2f,%d,%d%n", run.size(), run.engine(), run.repeat(), run.wallSeconds(),
                    run.workSeconds(), run.cpuSeconds(), run.peakRssBytes(), run.peakHeapBytes()));
        }
        raw.put("ingest_runs_csv", csv.toString());
    }

    public void scaling(List<IngestBench.DataSet> dataSets, List<ScalingBench.Run> runs)
    {
        raw.put("scaling_runs", runs);
        List<Map<String, Object>> summary = new ArrayList<>();
        markdown.append("## 4. Scaling: the ingest at 1 and 2 cores and on a two-worker cluster (medians of the runs)\n\n")
                .append(tableHead(Set.of("configuration"), "cooperatives", "rows", "MB", "configuration", "cores", "wall s", "work s", "CPU s",
                        "rows/s (wall)", "rows/s (work)", "rows/s per core (work)", "work speed-up vs local[1]", "CPU / local[1]"));
        for (IngestBench.DataSet data : dataSets) {
            List<String> configurations = runs.stream().filter(run -> run.size() == data.size()).map(ScalingBench.Run::configuration).distinct().toList();
            Map<String, double[]> medians = new LinkedHashMap<>();
            for (String configuration : configurations) {
                List<ScalingBench.Run> of = runs.stream().filter(run -> run.size() == data.size() && run.configuration().equals(configuration)).toList();
                medians.put(configuration, new double[] {of.get(0).cores(), Statistics.median(of.stream().map(ScalingBench.Run::wallSeconds).toList()),
                        Statistics.median(of.stream().map(ScalingBench.Run::workSeconds).toList()), Statistics.median(of.stream().map(ScalingBench.Run::cpuSeconds).toList())});
            }
            double[] single = medians.get("local[1]");
            medians.forEach((configuration, values) -> {
                double cores = values[0];
                double wall = values[1];
                double workSeconds = values[2];
                double cpu = values[3];
                markdown.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %s | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.2f | %.2f |%n", data.size(), data.rows(),
                        data.bytes() / 1e6, configuration, cores, wall, workSeconds, cpu, data.rows() / wall, data.rows() / workSeconds, data.rows() / workSeconds / cores,
                        single == null ? Double.NaN : single[2] / workSeconds, single == null ? Double.NaN : cpu / single[3]));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("size", data.size());
                row.put("rows", data.rows());
                row.put("bytes", data.bytes());
                row.put("configuration", configuration);
                row.put("cores", cores);
                row.put("wall_seconds", wall);
                row.put("work_seconds", workSeconds);
                row.put("cpu_seconds", cpu);
                row.put("rows_per_second_work", data.rows() / workSeconds);
                row.put("rows_per_second_per_core_work", data.rows() / workSeconds / cores);
                summary.add(row);
            });
        }
        markdown.append("\nwork: the run report's started_at to finished_at (after the driver's JVM and session started; on the cluster it includes ")
                .append("starting the executors). CPU: the driver's plus, on the cluster, its executors' (children the workers reaped).\n\n");
        raw.put("scaling_medians", summary);
    }

    public void smallRuns(List<IngestBench.DataSet> dataSets, List<SmallRunBench.Run> runs)
    {
        raw.put("small_runs", runs);
        markdown.append("## 5. A small run: one export of about 1,000 rows into a warehouse that holds the rest (medians of the runs)\n\n")
                .append(tableHead(Set.of(), "cooperatives", "rows in the warehouse", "export rows", "run wall s", "JVM + Spark start s", "reading s",
                        "cooperatives s", "other datasets s", "writing s", "publishing s", "new snapshot load s", "restart load s", "peak RSS MB"));
        List<Double> walls = new ArrayList<>();
        for (IngestBench.DataSet data : dataSets) {
            List<SmallRunBench.Run> of = runs.stream().filter(run -> run.size() == data.size()).toList();
            if (of.isEmpty()) {
                continue;
            }
            double wall = Statistics.median(of.stream().map(SmallRunBench.Run::wallSeconds).toList());
            walls.add(wall);
            double reading = stage(of, "reading");
            double cooperatives = stage(of, "cooperatives");
            double others = Statistics.median(of.stream().map(run -> Math.max(run.stageSeconds().getOrDefault("members", 0.0),
                    Math.max(run.stageSeconds().getOrDefault("trainings", 0.0), run.stageSeconds().getOrDefault("coaching", 0.0)))).toList());
            double writing = stage(of, "writing");
            double publishing = stage(of, "publishing");
            markdown.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |%n", data.size(),
                    data.rows(), of.get(0).exportRows(), wall, wall - reading - cooperatives - others - writing - publishing, reading, cooperatives, others,
                    writing, publishing, Statistics.median(of.stream().map(SmallRunBench.Run::newSnapshotLoadSeconds).toList()),
                    Statistics.median(of.stream().map(SmallRunBench.Run::restartLoadSeconds).toList()),
                    Statistics.median(of.stream().map(run -> run.peakRssBytes() / 1e6).toList())));
        }
        markdown.append("\nWhere the new snapshot's load went (seconds of the first run at each size; the steps of more than 0.1 s):\n\n");
        for (IngestBench.DataSet data : dataSets) {
            runs.stream().filter(run -> run.size() == data.size()).findFirst().ifPresent(run -> {
                StringJoiner steps = new StringJoiner(", ");
                run.newSnapshotLoadSplit().forEach((step, seconds) -> {
                    if (seconds > 0.1) {
                        steps.add(String.format(Locale.ROOT, "%s %.1f", step, seconds));
                    }
                });
                markdown.append("- ").append(data.size()).append(": ").append(steps).append('\n');
            });
        }
        if (walls.size() > 1) {
            markdown.append(String.format(Locale.ROOT, "%nThe small run at the largest size takes %.2f x its time at the smallest.%n",
                    walls.get(walls.size() - 1) / walls.get(0)));
        }
        markdown.append("\nother datasets: members, trainings and coaching run side by side (the longest of the three). JVM + Spark start: the rest of ")
                .append("the wall time (the JVM, the Spark session, the report). The loads are SnapshotLoader's, in the bench's JVM: a new snapshot builds its ")
                .append("aggregates into its file in the warehouse's .built/; a restart attaches that file.\n\n");
    }

    private static double stage(List<SmallRunBench.Run> runs, String stage)
    {
        return Statistics.median(runs.stream().map(run -> run.stageSeconds().getOrDefault(stage, 0.0)).toList());
    }

    public void queries(int size, QueryBench.Result result)
    {
        Map<String, Object> queries = new LinkedHashMap<>();
        queries.put("size", size);
        queries.put("server_start_seconds", result.serverStartSeconds());
        queries.put("server_rss_mb", result.serverRssBytes() / 1048576.0);
        queries.put("server_peak_rss_mb", result.serverPeakRssBytes() / 1048576.0);
        queries.put("mismatches", result.mismatches());
        queries.put("mismatch_notes", result.mismatchNotes());
        markdown.append("## 2. Dashboard requests: API vs the same SQL bare in DuckDB (").append(size).append(" cooperatives)\n\n")
                .append(String.format(Locale.ROOT, "Server start to healthy (snapshot loaded): %.1f s. Server RSS after the load phases: %.0f MB (peak %.0f MB). ",
                        result.serverStartSeconds(), result.serverRssBytes() / 1048576.0, result.serverPeakRssBytes() / 1048576.0))
                .append("Requests whose API numbers differ from the bare SQL's: ").append(result.mismatches()).append(".\n\n")
                .append(tableHead(Set.of("phase"), "concurrency", "phase", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int concurrency : QueryBench.CONCURRENCY) {
            for (String phase : List.of("api_cold", "api_warm", "bare_duckdb")) {
                List<Double> values = result.samples().stream()
                        .filter(sample -> sample.concurrency() == concurrency && sample.phase().equals(phase))
                        .map(QueryBench.Sample::milliseconds).toList();
                Statistics.Summary summary = Statistics.summarize(values);
                markdown.append(String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | %.1f |%n", concurrency, phase, summary.count(),
                        summary.p50(), summary.p95(), summary.p99(), summary.max()));
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("concurrency", concurrency);
                level.put("phase", phase);
                level.put("summary", summary);
                levels.add(level);
            }
        }
        queries.put("by_concurrency", levels);
        markdown.append("\n### By request, concurrency 1\n\n")
                .append(tableHead(Set.of("request", "met"), "request", "API cold p50 ms", "API warm p50 ms", "bare p50 ms", "warm target (1.2 x bare + 5) ms", "met"));
        List<Map<String, Object>> byRequest = new ArrayList<>();
        for (String name : result.samples().stream().map(QueryBench.Sample::request).distinct().toList()) {
            double cold = p50(result, name, "api_cold");
            double warm = p50(result, name, "api_warm");
            double bare = p50(result, name, "bare_duckdb");
            double target = 1.2 * bare + 5;
            markdown.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %s |%n", name, cold, warm, bare, target, warm <= target ? "yes" : "no"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("request", name);
            row.put("api_cold_p50_ms", cold);
            row.put("api_warm_p50_ms", warm);
            row.put("bare_p50_ms", bare);
            byRequest.add(row);
        }
        queries.put("by_request", byRequest);
        List<Double> switches = result.switchSeconds();
        queries.put("switch_seconds", switches);
        queries.put("switch_peak_rss_mb", result.switchPeakRssBytes() / 1048576.0);
        markdown.append("\n## 3. Snapshot switch\n\n")
                .append(String.format(Locale.ROOT, "Publish to the first answer from the new snapshot: median %.2f s over %d switches (%s s); server peak RSS %.0f MB.%n%n",
                        switches.isEmpty() ? Double.NaN : Statistics.median(switches), switches.size(), switches.stream()
                                .map(seconds -> String.format(Locale.ROOT, "%.2f", seconds)).toList(), result.switchPeakRssBytes() / 1048576.0));
        raw.put("queries", queries);
        StringBuilder csv = new StringBuilder("phase,concurrency,request,milliseconds\n");
        for (QueryBench.Sample sample : result.samples()) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%s,%.3f%n", sample.phase(), sample.concurrency(), sample.request(), sample.milliseconds()));
        }
        raw.put("query_samples_csv", csv.toString());
    }

    private static double p50(QueryBench.Result result, String request, String phase)
    {
        List<Double> values = result.samples().stream()
                .filter(sample -> sample.concurrency() == 1 && sample.phase().equals(phase) && sample.request().equals(request))
                .map(QueryBench.Sample::milliseconds).toList();
        return values.isEmpty() ? Double.NaN : Statistics.percentile(values, 50);
    }

    public void write(Path out)
            throws IOException
    {
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), markdown.toString(), StandardCharsets.UTF_8);
        Object ingestCsv = raw.remove("ingest_runs_csv");
        if (ingestCsv != null) {
            Files.writeString(out.resolve("ingest-runs.csv"), ingestCsv.toString(), StandardCharsets.UTF_8);
        }
        Object queryCsv = raw.remove("query_samples_csv");
        if (queryCsv != null) {
            Files.writeString(out.resolve("query-samples.csv"), queryCsv.toString(), StandardCharsets.UTF_8);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), raw);
    }

    public String markdown()
    {
        return markdown.toString();
    }

    private static String machine()
    {
        long memoryKilobytes = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryKilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // not Linux: memory unknown
        }
        return String.format(Locale.ROOT, "%d cores, %.1f GiB memory, %s %s (%s), %s %s", Runtime.getRuntime().availableProcessors(),
                memoryKilobytes / 1048576.0, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** A Markdown table's header and alignment rows: numbers right-aligned, the {@code textColumns} left-aligned. */
    static String tableHead(Set<String> textColumns, String... columns)
    {
        StringBuilder head = new StringBuilder("| ").append(String.join(" | ", columns)).append(" |\n|");
        for (String column : columns) {
            head.append(textColumns.contains(column) ? "---|" : "---:|");
        }
        return head.append('\n').toString();
    }
}
