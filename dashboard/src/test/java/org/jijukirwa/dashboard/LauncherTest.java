package org.jijukirwa.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's decisions that need no build: when it rebuilds (its functions, sourced by bash, over a folder laid out
 * like the repository with a fake build stamp) and the demo's argument checks.
 */
class LauncherTest
{
    private static final Path LAUNCHER = Path.of("..", "jijukirwa").toAbsolutePath().normalize();
    private static final Instant SOURCES = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant BUILT = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2022-01-01T00:00:00Z");

    @TempDir
    Path repository;

    @Test
    void firstBuildSaysItDownloadsTheDependencies()
            throws Exception
    {
        sources();
        Result result = needsBuild();
        assertThat(result.output()).containsExactly("[jijukirwa] building (Maven wrapper; the first build downloads dependencies from Maven Central)...", "build");
    }

    @Test
    void dataAndBuildOutputNeverTriggerARebuild()
            throws Exception
    {
        sources();
        stamp();
        for (String data : List.of("var/warehouse/CURRENT", "var/warehouse/snapshots/20260101T000000000Z-abc/members/part-0.parquet",
                "warehouse/CURRENT", "warehouse/snapshots/x/part-0.parquet", "data-samples/members/members_2021.csv",
                "dashboard/target/classes/public/app.js", "dashboard/src/main/frontend/node_modules/echarts/index.js", ".jijukirwa/hmac.key")) {
            write(data, LATER);
        }
        assertThat(needsBuild().output()).containsExactly("up to date");
    }

    @Test
    void aChangedSourcePomOrReferenceFileTriggersARebuildAndIsNamed()
            throws Exception
    {
        for (String changed : List.of("layout/src/main/java/org/jijukirwa/layout/Table.java", "dashboard/src/main/frontend/src/api.js",
                "ingest/pom.xml", "pom.xml", "reference/targets.csv")) {
            sources();
            stamp();
            write(changed, LATER);
            assertThat(needsBuild().output()).as(changed).containsExactly("[jijukirwa] rebuilding: " + changed + " changed since the last build...", "build");
        }
    }

    @Test
    void demoRefusesABadPortBeforeBuildingAnything()
            throws Exception
    {
        Result result = run(List.of("bash", LAUNCHER.toString(), "demo", "--port", "eighty"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).containsExactly("demo: --port needs a port number, not 'eighty'");
    }

    private void sources()
            throws IOException
    {
        for (String source : List.of("pom.xml", "layout/pom.xml", "layout/src/main/java/org/jijukirwa/layout/Table.java", "ingest/pom.xml",
                "ingest/src/main/java/org/jijukirwa/ingest/IngestJob.java", "dashboard/pom.xml", "dashboard/src/main/frontend/src/api.js",
                "reference/targets.csv")) {
            write(source, SOURCES);
        }
    }

    private void stamp()
            throws IOException
    {
        write("target/.built", BUILT);
    }

    private void write(String relativePath, Instant modified)
            throws IOException
    {
        Path file = repository.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relativePath, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Sources the launcher (functions only), then asks needs_build about the folder with its own stamp. */
    private Result needsBuild()
            throws Exception
    {
        String script = "source \"$1\"; cd \"$2\"; BUILD_STAMP=\"$2/target/.built\"; if needs_build; then echo build; else echo 'up to date'; fi";
        Result result = run(List.of("bash", "-c", script, "launcher-test", LAUNCHER.toString(), repository.toString()));
        assertThat(result.exitCode()).as(String.join("\n", result.output())).isZero();
        return result;
    }

    private record Result(int exitCode, List<String> output)
    {
    }

    private static Result run(List<String> command)
            throws Exception
    {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output.lines().toList());
    }
}
