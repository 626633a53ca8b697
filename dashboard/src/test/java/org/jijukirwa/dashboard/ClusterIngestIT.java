package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jijukirwa.ingest.cluster.StandaloneCluster;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest on a real Spark standalone cluster: a master and two workers (1 core, 1 GB each) started from the Maven
 * jars on loopback, the job submitted with spark-submit (SparkSubmit, client mode) and the self-contained job jar
 * (ingest/target/jijukirwa-ingest-VERSION.jar), as on a production cluster. For the worked example and the sample,
 * the cluster's snapshot must equal a local run's of the same input, as-of date and HMAC key: the run report, every
 * table's rows, and the served answer to every request of {@link ServedRequests} plus every indicator by each of its
 * dimensions. The cluster is stopped (executors included) as soon as the submissions end, also when one fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIngestIT
{
    private static final Path INGEST = IngestProcess.REPOSITORY.resolve("ingest");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The run report's fields that differ between any two runs, whatever they ran on: the run's id (made of its start
     * time and a random suffix) and its wall-clock start and end. Everything else must be equal.
     */
    private static final List<String> RUN_SPECIFIC_REPORT_FIELDS = List.of("snapshot_id", "started_at", "finished_at");

    @TempDir
    static Path workFolder;

    private final Map<String, Path> warehouses = new HashMap<>();
    private final Map<String, ApplicationContext> servers = new HashMap<>();
    private final Map<String, URI> serverUris = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path clusterState;
    private List<Long> clusterPids;
    private Duration clusterTime;

    /** An input of the comparison: its folder and as-of date. */
    private record Input(String name, Path folder, String asOf)
    {
    }

    private static final Input EXAMPLE = new Input("example", ServedRequests.WORKED_EXAMPLE.resolve("raw"), "2020-06-30");
    private static final Input SAMPLES = new Input("samples", ServedRequests.DATA_SAMPLES, samplesAsOf());

    @BeforeAll
    void ingestLocallyAndOnTheCluster()
            throws IOException, InterruptedException
    {
        Path key = workFolder.resolve("hmac.key");
        Files.writeString(key, "cluster-test-key");
        for (Input input : List.of(EXAMPLE, SAMPLES)) {
            IngestProcess.run(arguments(input, warehouse(input, "local"), key), workFolder.resolve("ingest-local-" + input.name() + ".log"));
        }

        clusterState = Path.of("target", "cluster-it").toAbsolutePath();
        deleteTree(clusterState);
        List<Path> sparkJars = StandaloneCluster.sparkJars(Files.readString(INGEST.resolve("target/runtime-classpath.txt")).trim());
        Instant start = Instant.now();
        try (StandaloneCluster cluster = StandaloneCluster.start(clusterState, new StandaloneCluster.Shape(2, 1, "1g"), sparkJars,
                INGEST.resolve("spark-jvm.options"))) {
            clusterPids = cluster.nodes().stream().map(StandaloneCluster.Node::pid).toList();
            for (Input input : List.of(EXAMPLE, SAMPLES)) {
                submit(cluster, sparkJars, arguments(input, warehouse(input, "cluster"), key), clusterState.resolve("submit-" + input.name() + ".log"));
            }
        }
        clusterTime = Duration.between(start, Instant.now());

        for (String name : warehouses.keySet()) {
            Map<String, Object> properties = new HashMap<>(TestUsers.properties(warehouses.get(name)));
            properties.put("micronaut.server.port", -1);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
            servers.put(name, server.getApplicationContext());
            serverUris.put(name, server.getURI());
        }
    }

    @AfterAll
    void stopTheServers()
    {
        servers.values().forEach(ApplicationContext::close);
    }

    @Test
    void theClusterRanTheJobOnBothWorkersAndStoppedEverything()
            throws IOException
    {
        // executors that finished tasks under each worker: the job really was distributed
        for (String worker : List.of("worker-1", "worker-2")) {
            List<String> executorLogs = new ArrayList<>();
            try (Stream<Path> files = Files.walk(clusterState.resolve("work").resolve(worker))) {
                for (Path log : files.filter(file -> file.getFileName().toString().equals("stderr")).toList()) {
                    executorLogs.add(Files.readString(log));
                }
            }
            assertThat(executorLogs).as("executor logs of %s (one per submission)", worker).hasSize(2);
            assertThat(executorLogs).as("executor logs of %s", worker).anyMatch(log -> log.contains("Finished task"));
        }
        // the master and workers, and the executors (whose class path is the cluster's SPARK_HOME), are gone
        List<String> survivors = ProcessHandle.allProcesses()
                .filter(process -> clusterPids.contains(process.pid()) || commandLine(process).contains(clusterState.toString()))
                .map(process -> process.pid() + " " + commandLine(process))
                .toList();
        assertThat(survivors).as("processes of the cluster still running").isEmpty();
        System.out.printf("cluster: start, 2 submissions and stop in %d s%n", clusterTime.toSeconds());
    }

    @Test
    void theRunReportsAreTheSame()
            throws IOException
    {
        for (Input input : List.of(EXAMPLE, SAMPLES)) {
            ObjectNode local = runReport(input, "local");
            ObjectNode cluster = runReport(input, "cluster");
            assertThat(local.get("datasets").size()).isEqualTo(4);
            for (String field : RUN_SPECIFIC_REPORT_FIELDS) {
                assertThat(cluster.get(field).asText()).as(field).isNotEqualTo(local.get(field).asText());
                local.remove(field);
                cluster.remove(field);
            }
            assertThat(cluster).as("run report of %s without %s", input.name(), RUN_SPECIFIC_REPORT_FIELDS).isEqualTo(local);
        }
    }

    @Test
    void everyTableHoldsTheSameRows()
            throws SQLException, IOException
    {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            for (Input input : List.of(EXAMPLE, SAMPLES)) {
                for (Table table : Table.values()) {
                    String local = rowsOf(input, "local", table);
                    String cluster = rowsOf(input, "cluster", table);
                    long localRows = count(statement, "select count(*) from (" + local + ")");
                    assertThat(count(statement, "select count(*) from (" + cluster + ")")).as("%s %s rows", input.name(), table).isEqualTo(localRows);
                    assertThat(count(statement, "select count(*) from (" + local + " except all " + cluster + ")"))
                            .as("%s %s rows of the local run that the cluster's lacks", input.name(), table).isZero();
                    assertThat(count(statement, "select count(*) from (" + cluster + " except all " + local + ")"))
                            .as("%s %s rows of the cluster's run that the local one lacks", input.name(), table).isZero();
                }
            }
        }
    }

    @Test
    void everyRequestOfTheWorkedExampleGetsTheSameAnswer()
            throws IOException, InterruptedException
    {
        List<ServedRequests.Request> requests = new ArrayList<>(ServedRequests.workedExample());
        requests.addAll(everyIndicatorByEachDimension(EXAMPLE));
        assertSameAnswers(EXAMPLE, requests);
    }

    @Test
    void everyRequestOfTheSampleGetsTheSameAnswer()
            throws IOException, InterruptedException
    {
        List<ServedRequests.Request> requests = new ArrayList<>(ServedRequests.dataSamples());
        requests.addAll(everyIndicatorByEachDimension(SAMPLES));
        assertSameAnswers(SAMPLES, requests);
    }

    private void assertSameAnswers(Input input, List<ServedRequests.Request> requests)
            throws IOException, InterruptedException
    {
        int answered = 0;
        for (ServedRequests.Request request : requests) {
            HttpResponse<String> local = request.send(http, serverUris.get(input.name() + "-local"));
            HttpResponse<String> cluster = request.send(http, serverUris.get(input.name() + "-cluster"));
            assertThat(cluster.statusCode()).as("status of %s", request).isEqualTo(local.statusCode());
            assertThat(comparable(cluster.body(), snapshotId(input, "cluster")))
                    .as("answer to %s", request)
                    .isEqualTo(comparable(local.body(), snapshotId(input, "local")));
            if (local.statusCode() == 200) {
                answered++;
            }
        }
        // most of them are real answers, not the same error twice
        assertThat(answered).as("requests answered with 200").isGreaterThan(requests.size() / 2);
    }

    /** Each indicator of the catalogue: its total, by each of its dimensions, both anonymous (protected counts) and as a manager. */
    private List<ServedRequests.Request> everyIndicatorByEachDimension(Input input)
            throws IOException, InterruptedException
    {
        ServedRequests.Request catalogueRequest = ServedRequests.Request.anonymous("/api/v1/indicators");
        JsonNode catalogue = JSON.readTree(catalogueRequest.send(http, serverUris.get(input.name() + "-local")).body());
        List<ServedRequests.Request> requests = new ArrayList<>(List.of(catalogueRequest, ServedRequests.Request.anonymous("/api/v1/reference")));
        for (JsonNode indicator : catalogue) {
            String path = "/api/v1/indicators/" + indicator.get("id").asText();
            List<String> queries = new ArrayList<>(List.of("", "?grain=quarter"));
            for (JsonNode dimension : indicator.get("dimensions")) {
                queries.add("?by=" + dimension.asText());
            }
            for (String query : queries) {
                requests.add(ServedRequests.Request.anonymous(path + query));
                requests.add(ServedRequests.Request.as(path + query, TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD));
            }
        }
        assertThat(requests).hasSizeGreaterThan(19 * 4);
        return requests;
    }

    /**
     * The answer as JSON with its snapshot's id (the run id, which differs by construction) replaced wherever it
     * appears, and the run's times in its lineage too.
     */
    private static JsonNode comparable(String body, String snapshotId)
            throws IOException
    {
        return replaceText(JSON.readTree(body), snapshotId);
    }

    private static JsonNode replaceText(JsonNode node, String snapshotId)
    {
        if (node.isTextual() && node.asText().equals(snapshotId)) {
            return TextNode.valueOf("<snapshot id>");
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean runTime = List.of("started_at", "finished_at").contains(field.getKey()) && field.getValue().isTextual();
                copy.set(field.getKey(), runTime ? TextNode.valueOf("<run time>") : replaceText(field.getValue(), snapshotId));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(replaceText(element, snapshotId)));
            return copy;
        }
        return node;
    }

    /** A query over a table's Parquet files: its columns, with the run ids (ingest_run, last_seen_run) replaced by whether this run wrote them. */
    private String rowsOf(Input input, String engine, Table table)
    {
        Path folder = new WarehouseDirectory(warehouses.get(input.name() + "-" + engine)).table(snapshotId(input, engine), table);
        String columns = table.columnNames().stream()
                .map(column -> column.equals("ingest_run") || column.equals("last_seen_run") ? column + " = '" + snapshotId(input, engine) + "' as " + column + "_is_this_run" : column)
                .collect(Collectors.joining(", "));
        return "select " + columns + " from read_parquet('" + folder + "/**/*.parquet')";
    }

    private static long count(Statement statement, String sql)
            throws SQLException
    {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private ObjectNode runReport(Input input, String engine)
            throws IOException
    {
        Path snapshot = new WarehouseDirectory(warehouses.get(input.name() + "-" + engine)).snapshot(snapshotId(input, engine));
        return (ObjectNode) JSON.readTree(snapshot.resolve(WarehouseDirectory.RUN_REPORT_FILE).toFile());
    }

    private String snapshotId(Input input, String engine)
    {
        return new WarehouseDirectory(warehouses.get(input.name() + "-" + engine)).currentSnapshotId().orElseThrow();
    }

    private Path warehouse(Input input, String engine)
    {
        Path warehouse = workFolder.resolve("warehouse-" + input.name() + "-" + engine);
        warehouses.put(input.name() + "-" + engine, warehouse);
        return warehouse;
    }

    private static List<String> arguments(Input input, Path warehouse, Path key)
    {
        return List.of("--input", input.folder().toString(), "--warehouse", warehouse.toString(), "--as-of", input.asOf(), "--hmac-key-file", key.toString());
    }

    /**
     * spark-submit as the README gives it, in client mode: the driver's class path is Spark's jars and the job jar only
     * (SparkSubmit adds the jar), and the executors get the job jar from the driver. Small executors: this test shares
     * 2 cores with the rest of the suite.
     */
    private static void submit(StandaloneCluster cluster, List<Path> sparkJars, List<String> arguments, Path log)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + INGEST.resolve("spark-jvm.options"),
                "-Xmx1g",
                "-cp", sparkJars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(),
                "--deploy-mode", "client",
                "--class", "org.jijukirwa.ingest.IngestMain",
                "--conf", "spark.driver.host=" + StandaloneCluster.HOST,
                "--conf", "spark.executor.memory=768m",
                "--conf", "spark.cores.max=2",
                // both executors take part from the first task
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                jobJar().toString()));
        command.addAll(arguments);
        IngestProcess.runCommand(command, Map.of("SPARK_LOCAL_IP", StandaloneCluster.HOST), log);
    }

    private static Path jobJar()
    {
        try (Stream<Path> files = Files.list(INGEST.resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("jijukirwa-ingest-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no job jar in ingest/target (built by the ingest module's package phase)"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String samplesAsOf()
    {
        try {
            return JSON.readTree(ServedRequests.DATA_SAMPLES.resolve("MANIFEST.json").toFile()).get("as_of").asText();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String commandLine(ProcessHandle process)
    {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"))).replace('\0', ' ');
        }
        catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path folder)
            throws IOException
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
