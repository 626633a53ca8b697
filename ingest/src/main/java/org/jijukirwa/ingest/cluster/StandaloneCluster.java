package org.jijukirwa.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * A real Spark standalone cluster on loopback, from the Maven jars (no Spark download): one master and N workers,
 * each a JVM of its own ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}) on free ports, with
 * its log in the state folder. The workers start executors from {@code $SPARK_HOME/jars}, so SPARK_HOME is a folder
 * of the state whose {@code jars/} links the Spark jars; the job's own classes must come with the job (spark.jars or
 * spark-submit's jar), as on a real cluster. {@link #close()} stops every process it started, executors included.
 */
public final class StandaloneCluster
        implements AutoCloseable
{
    public static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many workers, and the cores and memory (Spark's notation: 1g, 512m) each offers to executors. */
    public record Shape(int workers, int coresPerWorker, String memoryPerWorker)
    {
        public Shape
        {
            if (workers < 1 || coresPerWorker < 1) {
                throw new IllegalArgumentException("a cluster needs at least one worker with at least one core");
            }
            requireNonNull(memoryPerWorker, "memoryPerWorker is null");
            if (!memoryPerWorker.matches("[1-9][0-9]*[mMgG]")) {
                throw new IllegalArgumentException("worker memory must be like 512m or 2g, not '" + memoryPerWorker + "'");
            }
        }
    }

    /** One JVM of the cluster: its role (master, worker-1...), process id, ports and log file. */
    public record Node(String role, long pid, int port, int webUiPort, Path log)
    {
        public Node
        {
            requireNonNull(role, "role is null");
            requireNonNull(log, "log is null");
        }
    }

    private final List<Node> nodes;
    private final List<Process> processes;

    private StandaloneCluster(List<Node> nodes, List<Process> processes)
    {
        this.nodes = List.copyOf(nodes);
        this.processes = List.copyOf(processes);
    }

    /**
     * Starts the master and the workers and returns once every worker has registered with the master; stops what it
     * started when that does not happen within 90 s.
     *
     * @param state      a folder for the logs, SPARK_HOME and the workers' work folders (created)
     * @param sparkJars  the Spark jars (the ingest's runtime class path without the project's own classes)
     * @param jvmOptions the Spark JVM options argfile (ingest/spark-jvm.options)
     */
    public static StandaloneCluster start(Path state, Shape shape, List<Path> sparkJars, Path jvmOptions)
    {
        requireNonNull(state, "state is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(jvmOptions, "jvmOptions is null");
        if (sparkJars.isEmpty()) {
            throw new IllegalArgumentException("no Spark jars to start a cluster from");
        }
        List<Node> nodes = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        try {
            Path sparkHome = linkSparkHome(state.resolve("spark-home"), sparkJars);
            String classpath = String.join(File.pathSeparator, sparkJars.stream().map(Path::toString).toList());
            Map<String, String> environment = Map.of(
                    "SPARK_HOME", sparkHome.toString(),
                    "SPARK_SCALA_VERSION", "2.13",
                    "SPARK_LOCAL_IP", HOST,
                    // executors run on the same JDK as the worker
                    "JAVA_HOME", System.getProperty("java.home"));

            int masterPort = freePort();
            int masterWebUi = freePort();
            Path masterLog = state.resolve("master.log");
            // no REST submission server: it would take the fixed port 6066
            processes.add(launch(jvmOptions, classpath, environment, masterLog, List.of("-Dspark.master.rest.enabled=false", "org.apache.spark.deploy.master.Master",
                    "--host", HOST, "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterWebUi))));
            nodes.add(new Node("master", processes.get(0).pid(), masterPort, masterWebUi, masterLog));
            String masterUrl = "spark://" + HOST + ":" + masterPort;
            URI masterJson = URI.create("http://" + HOST + ":" + masterWebUi + "/json/");
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            waitFor(() -> masterStatus(masterJson).isPresent(), deadline, processes, "the master to answer on " + masterJson + " (log: " + masterLog + ")");

            for (int index = 1; index <= shape.workers(); index++) {
                int port = freePort();
                int webUi = freePort();
                Path log = state.resolve("worker-" + index + ".log");
                Path work = Files.createDirectories(state.resolve("work/worker-" + index));
                Process worker = launch(jvmOptions, classpath, environment, log, List.of("org.apache.spark.deploy.worker.Worker", masterUrl,
                        "--host", HOST, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUi),
                        "--cores", Integer.toString(shape.coresPerWorker()), "--memory", shape.memoryPerWorker(), "--work-dir", work.toString()));
                processes.add(worker);
                nodes.add(new Node("worker-" + index, worker.pid(), port, webUi, log));
            }
            waitFor(() -> masterStatus(masterJson).map(status -> status.aliveWorkers() >= shape.workers()).orElse(false), deadline, processes,
                    shape.workers() + " workers to register with " + masterUrl + " (logs: " + state + ")");
            return new StandaloneCluster(nodes, processes);
        }
        catch (IOException e) {
            new StandaloneCluster(nodes, processes).close();
            throw new UncheckedIOException("cannot start the cluster in " + state + ": " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            new StandaloneCluster(nodes, processes).close();
            throw e;
        }
    }

    /** The Spark jars of a class path: its jar files, without the project's own (modules' target folders, org/jijukirwa in a Maven repository). */
    public static List<Path> sparkJars(String classpath)
    {
        List<Path> jars = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            if (normalized.endsWith(".jar") && !normalized.contains("/org/jijukirwa/") && !normalized.contains("/target/")) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    public String masterUrl()
    {
        return "spark://" + HOST + ":" + master().port();
    }

    public URI masterWebUi()
    {
        return URI.create("http://" + HOST + ":" + master().webUiPort() + "/");
    }

    /** The master first, then the workers in order. */
    public List<Node> nodes()
    {
        return nodes;
    }

    /** What the master reports now, if it answers. */
    public Optional<MasterStatus> status()
    {
        return masterStatus(masterWebUi().resolve("/json/"));
    }

    private Node master()
    {
        return nodes.get(0);
    }

    /** Stops the workers (and their executors), then the master; waits for each and kills what does not stop. */
    @Override
    public void close()
    {
        List<Process> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        for (Process process : reversed) {
            stopTree(process.toHandle());
        }
    }

    /** The master's own summary: its state and the workers it counts as alive. */
    public record MasterStatus(String state, int aliveWorkers, int cores, int coresUsed, List<String> workers)
    {
        public MasterStatus
        {
            workers = List.copyOf(workers);
        }
    }

    /** The master's JSON status (its web UI's /json/), or empty when it does not answer. */
    public static Optional<MasterStatus> masterStatus(URI json)
    {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(json).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode tree = JSON.readTree(response.body());
            List<String> workers = new ArrayList<>();
            int alive = 0;
            for (JsonNode worker : tree.path("workers")) {
                String state = worker.path("state").asText();
                if (state.equals("ALIVE")) {
                    alive++;
                }
                workers.add(worker.path("host").asText() + ":" + worker.path("port").asText() + " " + state + " " + worker.path("cores").asInt() + " cores "
                        + worker.path("memory").asInt() + " MB");
            }
            return Optional.of(new MasterStatus(tree.path("status").asText(), alive, tree.path("cores").asInt(), tree.path("coresused").asInt(), workers));
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops a process and everything it started (a worker's executors): TERM first, KILL after 15 s. */
    public static void stopTree(ProcessHandle process)
    {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static Process launch(Path jvmOptions, String classpath, Map<String, String> environment, Path log, List<String> propertiesMainAndArguments)
            throws IOException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions, "-Xmx512m", "-cp", classpath));
        command.addAll(propertiesMainAndArguments);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Path linkSparkHome(Path sparkHome, List<Path> sparkJars)
            throws IOException
    {
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : sparkJars) {
            Path link = jars.resolve(jar.getFileName());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        return sparkHome;
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private interface Condition
    {
        boolean holds();
    }

    private static void waitFor(Condition condition, Instant deadline, List<Process> started, String what)
    {
        while (!condition.holds()) {
            for (Process process : started) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a cluster process exited (code " + process.exitValue() + ") while waiting for " + what);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
