package org.jijukirwa.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench [--sizes N,N] [--out DIR] [--repeats N] [--seed S] [--requests N] [--skip-ingest] [--skip-queries] [--scaling] [--small-run]}.
 * Sizes are numbers of cooperatives of the generator's national preset; the queries and the snapshot
 * switch run on the snapshot of the largest size; --scaling adds the ingest at 1 and 2 cores and on a two-worker cluster.
 */
public record BenchOptions(List<Integer> sizes, Path out, int repeats, long seed, int requests, boolean ingest, boolean queries, boolean scaling, boolean smallRun)
{
    public static final String USAGE = """
            usage: bench [--sizes N,N] [--out DIR] [--repeats N] [--seed S] [--requests N] [--skip-ingest] [--skip-queries] [--scaling] [--small-run]
              --sizes     numbers of cooperatives (national preset), default 1000,10000 (10000 is the national size)
              --out       folder for the report, the raw figures and the generated data (GBs), default bench/target/bench-results
              --repeats   runs of each ingest engine per size (median reported), default 3
              --seed      generator seed, default 2024
              --requests  requests per concurrency level and phase of the query benchmark, default 320
              --skip-ingest, --skip-queries  leave one part out (--skip-ingest still ingests the largest size once)
              --scaling   also the ingest at local[1], local[2] and on a standalone cluster of 2 workers x 1 core, same files
              --small-run also, at each size, a run of one 1,000-row export into a warehouse holding the rest (its stages), and the
                          server's load of the new snapshot and after a restart (e.g. --sizes 1000,10000,30000 --small-run --skip-ingest --skip-queries)
            """;

    public BenchOptions
    {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("--sizes needs at least one size");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1");
        }
        if (requests < 32) {
            throw new IllegalArgumentException("--requests must be at least 32 (one per client at the highest concurrency)");
        }
    }

    public static BenchOptions parse(String[] args)
    {
        List<Integer> sizes = List.of(1000, 10000);
        Path out = Path.of("bench", "target", "bench-results");
        int repeats = 3;
        long seed = 2024;
        int requests = 320;
        boolean ingest = true;
        boolean queries = true;
        boolean scaling = false;
        boolean smallRun = false;
        for (int index = 0; index < args.length; index++) {
            String name = args[index];
            switch (name) {
                case "--skip-ingest" -> {
                    ingest = false;
                    continue;
                }
                case "--skip-queries" -> {
                    queries = false;
                    continue;
                }
                case "--scaling" -> {
                    scaling = true;
                    continue;
                }
                case "--small-run" -> {
                    smallRun = true;
                    continue;
                }
                default -> {
                }
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unknown argument '" + name + "'");
            }
            String value = args[++index];
            switch (name) {
                case "--sizes" -> sizes = sizes(value);
                case "--out" -> out = Path.of(value);
                case "--repeats" -> repeats = positive(name, value);
                case "--seed" -> seed = number(name, value);
                case "--requests" -> requests = positive(name, value);
                default -> throw new IllegalArgumentException("unknown argument '" + name + "'");
            }
        }
        return new BenchOptions(sizes, out, repeats, seed, requests, ingest, queries, scaling, smallRun);
    }

    /** The largest size: the one the queries and the switch run on. */
    public int largestSize()
    {
        return sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static List<Integer> sizes(String value)
    {
        List<Integer> sizes = new ArrayList<>();
        for (String part : value.split(",")) {
            int size = positive("--sizes", part.strip());
            if (size < 30) {
                throw new IllegalArgumentException("--sizes: at least 30 cooperatives (one per district), not " + size);
            }
            if (sizes.contains(size)) {
                throw new IllegalArgumentException("--sizes: " + size + " is given twice");
            }
            sizes.add(size);
        }
        return sizes;
    }

    private static int positive(String name, String value)
    {
        long number = number(name, value);
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
        }
        return (int) number;
    }

    private static long number(String name, String value)
    {
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
