package org.jijukirwa.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench [--sizes N,N] [--out DIR] ...} (see {@link BenchOptions#USAGE}): the three benchmarks side by
 * side on the same generated files; writes report.md, results.json and CSV files into --out. The
 * repository root (for the modules' classpaths) comes from the system property jijukirwa.root.
 */
public final class BenchMain
{
    private BenchMain()
    {
    }

    public static void main(String[] args)
            throws Exception
    {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Programs programs = new Programs(Path.of(System.getProperty("jijukirwa.root", ".")));
        Path out = options.out().toAbsolutePath().normalize();
        Path work = out.resolve("work");
        Report report = new Report(Arrays.asList(args));
        IngestBench ingest = new IngestBench(programs, work);

        List<IngestBench.DataSet> dataSets = new ArrayList<>();
        for (int size : options.sizes()) {
            dataSets.add(ingest.dataSet(size, options.seed()));
        }
        if (options.ingest()) {
            List<IngestBench.Run> runs = new ArrayList<>();
            for (IngestBench.DataSet data : dataSets) {
                runs.addAll(ingest.run(data, options.repeats()));
            }
            report.ingest(dataSets, runs);
            report.write(out);
        }
        if (options.scaling()) {
            List<ScalingBench.Run> runs = new ArrayList<>();
            for (IngestBench.DataSet data : dataSets) {
                runs.addAll(new ScalingBench(programs, work).run(data, options.repeats(), ingest.hmacKeyFile()));
            }
            report.scaling(dataSets, runs);
            report.write(out);
        }
        if (options.smallRun()) {
            List<SmallRunBench.Run> runs = new ArrayList<>();
            for (IngestBench.DataSet data : dataSets) {
                runs.addAll(new SmallRunBench(programs, work).run(data, options.repeats(), ingest.hmacKeyFile()));
            }
            report.smallRuns(dataSets, runs);
            report.write(out);
        }
        if (options.queries()) {
            IngestBench.DataSet largest = dataSets.stream().filter(data -> data.size() == options.largestSize()).findFirst().orElseThrow();
            ingest.ensureIngested(largest);
            QueryBench.Result result = new QueryBench(programs, work).run(ingest.warehouse(largest.size()), options.requests(), 3);
            report.queries(largest.size(), result);
        }
        report.write(out);
        System.out.print(report.markdown());
        System.out.println("raw figures: " + out.resolve("results.json") + ", " + out.resolve("ingest-runs.csv") + ", " + out.resolve("query-samples.csv"));
    }
}
