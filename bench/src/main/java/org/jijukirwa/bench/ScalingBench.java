package org.jijukirwa.bench;

import org.jijukirwa.ingest.cluster.StandaloneCluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Part 4 (--scaling): the full ingest of the same generated files at local[1], local[2] and on a Spark standalone
 * cluster of two workers with one core each (started once from the ingest's jars, not timed), in turn per repeat, so
 * that the rate per core and the cost of distribution (executor start, the shuffle over the network stack, task
 * shipping) are figures. The cluster's CPU is the driver's plus its executors' (the workers' reaped children).
 */
public final class ScalingBench
{
    public static final String CLUSTER = "cluster 2 x 1 core";
    private static final String WORKER_MEMORY = "2g";
    /** The same heap a local[2] run gives its tasks, split over two executors. */
    private static final List<String> CLUSTER_PROPERTIES = List.of("-Dspark.executor.memory=1800m", "-Dspark.cores.max=2",
            "-Dspark.scheduler.minRegisteredResourcesRatio=1.0");

    private final Programs programs;
    private final Path work;

    public ScalingBench(Programs programs, Path work)
    {
        this.programs = requireNonNull(programs, "programs is null");
        this.work = requireNonNull(work, "work is null");
    }

    /** One run: configuration (local[1], local[2] or {@link #CLUSTER}), the cores it had, and what it cost. */
    public record Run(int size, String configuration, int cores, int repeat, double wallSeconds, double workSeconds, double cpuSeconds)
    {
        public Run
        {
            requireNonNull(configuration, "configuration is null");
        }
    }

    public List<Run> run(IngestBench.DataSet data, int repeats, Path hmacKey)
    {
        List<Run> runs = new ArrayList<>();
        Path state = work.resolve("scaling-cluster");
        IngestBench.deleteTree(state);
        StandaloneCluster.Shape shape = new StandaloneCluster.Shape(2, 1, WORKER_MEMORY);
        try (StandaloneCluster cluster = StandaloneCluster.start(state, shape, StandaloneCluster.sparkJars(programs.ingestClasspath()), programs.sparkJvmOptions())) {
            List<Long> workers = cluster.nodes().subList(1, cluster.nodes().size()).stream().map(StandaloneCluster.Node::pid).toList();
            for (int repeat = 1; repeat <= repeats; repeat++) {
                runs.add(measure(data, "local[1]", 1, repeat, "local[1]", List.of(), hmacKey, List.of()));
                runs.add(measure(data, "local[2]", 2, repeat, "local[2]", List.of(), hmacKey, List.of()));
                runs.add(measure(data, CLUSTER, shape.workers() * shape.coresPerWorker(), repeat, cluster.masterUrl(), CLUSTER_PROPERTIES, hmacKey, workers));
            }
        }
        return runs;
    }

    private Run measure(IngestBench.DataSet data, String configuration, int cores, int repeat, String master, List<String> properties, Path hmacKey,
            List<Long> workers)
    {
        String name = configuration.replaceAll("[^a-z0-9]+", "-");
        IngestBench.log(String.format("size %d, ingest on %s, run %d", data.size(), configuration, repeat));
        Path warehouse = work.resolve("scaling-warehouse-" + data.size());
        IngestBench.deleteTree(warehouse);
        double executorsBefore = executorCpu(workers);
        ProcessProbe.Measure measure = ProcessProbe.run(
                programs.ingest(data.folder(), warehouse, data.asOf(), hmacKey, work.resolve("logs/gc-scaling-" + name + "-" + repeat + ".log"), master,
                        properties),
                work.resolve("logs/scaling-" + name + "-" + data.size() + "-" + repeat + ".log"));
        awaitExecutorsGone(workers);
        double cpu = measure.cpuSeconds() + executorCpu(workers) - executorsBefore;
        Run run = new Run(data.size(), configuration, cores, repeat, measure.wallSeconds(), IngestBench.ingestSeconds(warehouse), cpu);
        IngestBench.log(String.format("  wall %.1f s, work %.1f s, cpu %.1f s", run.wallSeconds(), run.workSeconds(), run.cpuSeconds()));
        IngestBench.deleteTree(warehouse);
        return run;
    }

    /** The workers stop their executors once the driver has gone; only then is the executors' CPU counted in the workers' children. */
    private static void awaitExecutorsGone(List<Long> workers)
    {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (workers.stream().anyMatch(worker -> ProcessHandle.of(worker).map(handle -> handle.children().findAny().isPresent()).orElse(false))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("executors still running 60 s after the driver ended");
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static double executorCpu(List<Long> workers)
    {
        double seconds = 0;
        for (long worker : workers) {
            seconds += ProcessProbe.childrenCpuSeconds(worker);
        }
        return seconds;
    }
}
