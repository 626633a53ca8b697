package org.jijukirwa.ingest.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code cluster up [--workers N] [--cores C] [--memory M] | down | status} with {@code --state DIR} (the launcher
 * gives .jijukirwa/cluster): a Spark standalone cluster on loopback that outlives this command ({@code up}), stopped by
 * {@code down}, which stops only the processes {@code up} recorded in DIR/cluster.properties. The Spark jars come from
 * this JVM's class path; the JVM options file from the system property jijukirwa.spark.jvm.options.
 */
public final class ClusterMain
{
    static final String STATE_FILE = "cluster.properties";
    private static final String USAGE = "usage: cluster up [--workers N] [--cores C] [--memory M] | down | status   (with --state DIR)";

    private ClusterMain()
    {
    }

    public static void main(String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err)
    {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String command = args[0];
        Path state = null;
        int workers = 2;
        int cores = 1;
        String memory = "1g";
        try {
            for (int index = 1; index < args.length; index += 2) {
                if (index + 1 >= args.length) {
                    throw new IllegalArgumentException(args[index] + " needs a value");
                }
                String value = args[index + 1];
                switch (args[index]) {
                    case "--state" -> state = Path.of(value);
                    case "--workers" -> workers = positive("--workers", value);
                    case "--cores" -> cores = positive("--cores", value);
                    case "--memory" -> memory = value;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[index] + "'");
                }
            }
            if (state == null) {
                throw new IllegalArgumentException("--state DIR is required");
            }
            return switch (command) {
                case "up" -> up(state, new StandaloneCluster.Shape(workers, cores, memory), out, err);
                case "down" -> down(state, out);
                case "status" -> status(state, out);
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
        }
        catch (IllegalArgumentException e) {
            err.println("cluster: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        catch (IllegalStateException | UncheckedIOException e) {
            err.println("cluster: " + e.getMessage());
            return 1;
        }
    }

    private static int up(Path state, StandaloneCluster.Shape shape, PrintStream out, PrintStream err)
    {
        if (!runningNodes(state).isEmpty()) {
            err.println("cluster: already running (see ./jijukirwa cluster status; stop it with ./jijukirwa cluster down)");
            return 1;
        }
        String options = System.getProperty("jijukirwa.spark.jvm.options");
        if (options == null) {
            throw new IllegalArgumentException("the system property jijukirwa.spark.jvm.options must name the Spark JVM options file");
        }
        StandaloneCluster cluster = StandaloneCluster.start(state.toAbsolutePath(), shape,
                StandaloneCluster.sparkJars(System.getProperty("java.class.path")), Path.of(options));
        // deliberately not closed: the cluster runs on after this command, until `down`
        write(state, cluster);
        out.printf("Spark standalone cluster up: %d workers x %d cores x %s%n", shape.workers(), shape.coresPerWorker(), shape.memoryPerWorker());
        print(state, out);
        return 0;
    }

    private static int down(Path state, PrintStream out)
    {
        List<Recorded> nodes = recorded(state);
        if (nodes.isEmpty()) {
            out.println("no cluster recorded in " + state);
            return 0;
        }
        // workers first (their executors with them), then the master
        for (int index = nodes.size() - 1; index >= 0; index--) {
            Recorded node = nodes.get(index);
            Optional<ProcessHandle> process = node.process();
            if (process.isPresent()) {
                StandaloneCluster.stopTree(process.get());
                out.println("stopped " + node.role() + " (pid " + node.pid() + ")");
            }
            else {
                out.println(node.role() + " (pid " + node.pid() + ") was not running");
            }
        }
        try {
            Files.deleteIfExists(state.resolve(STATE_FILE));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private static int status(Path state, PrintStream out)
    {
        if (recorded(state).isEmpty()) {
            out.println("no cluster recorded in " + state + " (start one with ./jijukirwa cluster up)");
            return 3;
        }
        return print(state, out) ? 0 : 1;
    }

    /** Prints the recorded nodes and the master's view; true when every node runs and every worker is registered. */
    private static boolean print(Path state, PrintStream out)
    {
        List<Recorded> nodes = recorded(state);
        Recorded master = nodes.get(0);
        out.println("master URL: spark://" + StandaloneCluster.HOST + ":" + master.port());
        out.println("master web UI: http://" + StandaloneCluster.HOST + ":" + master.webUiPort() + "/");
        boolean healthy = true;
        for (Recorded node : nodes) {
            boolean alive = node.process().isPresent();
            healthy &= alive;
            out.printf("  %-9s pid %-7d %-7s port %-5d web UI %-5d log %s%n", node.role(), node.pid(), alive ? "running" : "STOPPED", node.port(), node.webUiPort(),
                    node.log());
        }
        Optional<StandaloneCluster.MasterStatus> status = StandaloneCluster.masterStatus(URI.create("http://" + StandaloneCluster.HOST + ":" + master.webUiPort() + "/json/"));
        if (status.isPresent()) {
            out.printf("master says: %s, %d workers alive, %d cores (%d in use)%n", status.get().state(), status.get().aliveWorkers(), status.get().cores(),
                    status.get().coresUsed());
            healthy &= status.get().aliveWorkers() == nodes.size() - 1;
        }
        else {
            out.println("master says: nothing (not answering)");
            healthy = false;
        }
        out.println("workers' executor logs: " + state.toAbsolutePath().resolve("work") + "/worker-N/app-*/*/stderr");
        return healthy;
    }

    /** A node as `up` recorded it. */
    private record Recorded(String role, long pid, int port, int webUiPort, String log)
    {
        /** The process, while it runs and is still the Spark JVM that was recorded (not a reused pid). */
        Optional<ProcessHandle> process()
        {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> commandLine(handle).contains("org.apache.spark.deploy."));
        }

        /** /proc's command line on Linux: ProcessHandle.Info gives none when it is as long as a Spark class path. */
        private static String commandLine(ProcessHandle handle)
        {
            Path proc = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
            try {
                if (Files.isReadable(proc)) {
                    return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
                }
            }
            catch (IOException e) {
                // gone meanwhile
                return "";
            }
            return handle.info().commandLine().orElse("");
        }
    }

    private static void write(Path state, StandaloneCluster cluster)
    {
        Properties properties = new Properties();
        List<StandaloneCluster.Node> nodes = cluster.nodes();
        properties.setProperty("nodes", Integer.toString(nodes.size()));
        for (int index = 0; index < nodes.size(); index++) {
            StandaloneCluster.Node node = nodes.get(index);
            String prefix = "node." + index + ".";
            properties.setProperty(prefix + "role", node.role());
            properties.setProperty(prefix + "pid", Long.toString(node.pid()));
            properties.setProperty(prefix + "port", Integer.toString(node.port()));
            properties.setProperty(prefix + "webui", Integer.toString(node.webUiPort()));
            properties.setProperty(prefix + "log", node.log().toString());
        }
        try (OutputStream stream = Files.newOutputStream(state.resolve(STATE_FILE))) {
            properties.store(stream, "written by ./jijukirwa cluster up; read by status and down");
        }
        catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException("cannot record the cluster in " + state + ": " + e.getMessage(), e);
        }
    }

    private static List<Recorded> recorded(Path state)
    {
        Path file = state.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (InputStream stream = Files.newInputStream(file)) {
            properties.load(stream);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Recorded> nodes = new ArrayList<>();
        try {
            int count = Integer.parseInt(properties.getProperty("nodes", "0"));
            for (int index = 0; index < count; index++) {
                String prefix = "node." + index + ".";
                nodes.add(new Recorded(properties.getProperty(prefix + "role"), Long.parseLong(properties.getProperty(prefix + "pid")),
                        Integer.parseInt(properties.getProperty(prefix + "port")), Integer.parseInt(properties.getProperty(prefix + "webui")),
                        properties.getProperty(prefix + "log")));
            }
        }
        catch (NumberFormatException | NullPointerException e) {
            throw new IllegalStateException(file + " is damaged (" + e.getMessage() + "); stop the processes by hand and delete it");
        }
        return nodes;
    }

    private static List<Recorded> runningNodes(Path state)
    {
        return recorded(state).stream().filter(node -> node.process().isPresent()).toList();
    }

    private static int positive(String name, String value)
    {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
        }
    }
}
