package org.jijukirwa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The command lines of the programs the bench runs, each in a JVM of its own as the launcher runs it:
 * built classes plus the module's runtime-classpath.txt (see ./jijukirwa).
 */
public final class Programs
{
    private final Path root;
    private final String java;

    public Programs(Path root)
    {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public Path root()
    {
        return root;
    }

    public List<String> generator(Path out, int cooperatives, long seed)
    {
        return command(List.of("-Xmx512m"), root.resolve("generator/target/classes").toString(), "org.jijukirwa.generator.GenerateMain",
                List.of("--out", out.toString(), "--preset", "national", "--cooperatives", Integer.toString(cooperatives), "--seed", Long.toString(seed)));
    }

    /** The full ingest, with the launcher's heap (JIJUKIRWA_INGEST_HEAP, default 4g) and its GC log in {@code gcLog}. */
    public List<String> ingest(Path input, Path warehouse, String asOf, Path hmacKeyFile, Path gcLog)
    {
        return command(sparkOptions(gcLog), classpath("ingest"), "org.jijukirwa.ingest.IngestMain",
                List.of("--input", input.toString(), "--warehouse", warehouse.toString(), "--as-of", asOf, "--hmac-key-file", hmacKeyFile.toString()));
    }

    /**
     * The full ingest on a given Spark master, as {@code ./jijukirwa ingest --master} runs it: for a cluster the job jar
     * goes to the executors (jijukirwa.job.jars) and the driver stays on loopback. sparkProperties: -Dspark.*=... options.
     */
    public List<String> ingest(Path input, Path warehouse, String asOf, Path hmacKeyFile, Path gcLog, String master, List<String> sparkProperties)
    {
        List<String> options = new ArrayList<>(sparkOptions(gcLog));
        options.addAll(sparkProperties);
        if (master.startsWith("spark://")) {
            options.add("-Djijukirwa.job.jars=" + jobJar());
            options.add("-Dspark.driver.host=127.0.0.1");
            options.add("-Dspark.driver.bindAddress=127.0.0.1");
        }
        return command(options, classpath("ingest"), "org.jijukirwa.ingest.IngestMain",
                List.of("--input", input.toString(), "--warehouse", warehouse.toString(), "--as-of", asOf, "--hmac-key-file", hmacKeyFile.toString(),
                        "--master", master));
    }

    /** The ingest's runtime class path (its classes and jars): the cluster is started from its Spark jars. */
    public String ingestClasspath()
    {
        return classpath("ingest");
    }

    public Path sparkJvmOptions()
    {
        return root.resolve("ingest/spark-jvm.options");
    }

    private Path jobJar()
    {
        try (var files = Files.list(root.resolve("ingest/target"))) {
            return files.filter(file -> file.getFileName().toString().matches("jijukirwa-ingest-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no job jar in ingest/target (build first: ./jijukirwa build)"));
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot list ingest/target", e);
        }
    }

    public List<String> sparkCopy(Path input, Path output, Path gcLog)
    {
        return command(sparkOptions(gcLog), classpath("bench"), SparkCopyMain.class.getName(),
                List.of("--input", input.toString(), "--output", output.toString()));
    }

    public List<String> duckDbCopy(Path input, Path output, Path gcLog)
    {
        return command(List.of("-Xmx1g", "-Xlog:gc:file=" + gcLog), classpath("bench"), DuckDbCopyMain.class.getName(),
                List.of("--input", input.toString(), "--output", output.toString()));
    }

    /** The dashboard server, with the launcher's heap (JIJUKIRWA_SERVE_HEAP, default 1g). */
    public List<String> server(Path warehouse, int port, Path gcLog)
    {
        String heap = System.getenv().getOrDefault("JIJUKIRWA_SERVE_HEAP", "1g");
        return command(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog), classpath("dashboard"), "org.jijukirwa.dashboard.Application",
                List.of("--warehouse", warehouse.toString(), "--port", Integer.toString(port), "--micronaut.server.host=127.0.0.1"));
    }

    private List<String> sparkOptions(Path gcLog)
    {
        String heap = System.getenv().getOrDefault("JIJUKIRWA_INGEST_HEAP", "4g");
        return List.of("@" + root.resolve("ingest/spark-jvm.options"), "-Xmx" + heap, "-Xlog:gc:file=" + gcLog);
    }

    private List<String> command(List<String> jvmOptions, String classpath, String mainClass, List<String> arguments)
    {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    private String classpath(String module)
    {
        Path file = root.resolve(module).resolve("target/runtime-classpath.txt");
        try {
            return root.resolve(module).resolve("target/classes") + ":" + Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (build first: ./jijukirwa build)", e);
        }
    }
}
