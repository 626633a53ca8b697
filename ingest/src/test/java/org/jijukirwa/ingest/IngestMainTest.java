package org.jijukirwa.ingest;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestMainTest
{
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void publishesAndPrintsTheSummary()
            throws Exception
    {
        Path keyFile = folder.resolve("key");
        Files.writeString(keyFile, "secret\n");
        IngestFixture fixture = IngestFixture.withOneCooperative(folder);
        int code = run(Map.of(), "--input", fixture.input().toString(), "--warehouse", fixture.warehouse().root().toString(), "--as-of", "2020-06-30",
                "--hmac-key-file", keyFile.toString());
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("published, as of 2020-06-30", "cooperatives: read 1, accepted 1 (unchanged 0), quarantined 0, current keys 1");
        assertThat(fixture.warehouse().currentSnapshotId()).isPresent();
    }

    @Test
    void missingInputFolderPublishesNothing()
    {
        int code = run(Map.of("JIJUKIRWA_HMAC_KEY", "secret"), "--input", folder.resolve("absent").toString(), "--warehouse", folder.resolve("warehouse").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("ingest: nothing published: input folder " + folder.resolve("absent") + " does not exist or is not a folder\n");
        assertThat(folder.resolve("warehouse")).doesNotExist();
    }

    @Test
    void noKeyIsAClearError()
    {
        int code = run(Map.of(), "--input", folder.toString(), "--warehouse", folder.resolve("warehouse").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("ingest: no HMAC key for national IDs").doesNotContain("\tat ");
    }

    @Test
    void theMasterIsTheOptionElseWhatSparkSubmitConfiguredElseLocal()
    {
        SparkConf submitted = new SparkConf(false).set("spark.master", "yarn");
        assertThat(IngestMain.master("spark://10.0.0.5:7077", submitted)).isEqualTo("spark://10.0.0.5:7077");
        // under spark-submit the job runs where it was submitted, not in local mode
        assertThat(IngestMain.master(null, submitted)).isEqualTo("yarn");
        assertThat(IngestMain.master(null, new SparkConf(false))).isEqualTo("local[*]");
    }

    @Test
    void keyFileFromTheEnvironmentComesBeforeTheKeyText()
            throws Exception
    {
        Path keyFile = folder.resolve("key");
        Files.writeString(keyFile, "from-file\n");
        assertThat(IngestMain.hmacKey(null, Map.of("JIJUKIRWA_HMAC_KEY_FILE", keyFile.toString(), "JIJUKIRWA_HMAC_KEY", "from-text")))
                .isEqualTo("from-file".getBytes(StandardCharsets.UTF_8));
        assertThat(IngestMain.hmacKey(null, Map.of("JIJUKIRWA_HMAC_KEY", "from-text"))).isEqualTo("from-text".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsExitTwo()
    {
        assertThat(run(Map.of("JIJUKIRWA_HMAC_KEY", "k"), "--input", "x")).isEqualTo(2);
        assertThat(err()).startsWith("ingest: --warehouse is required\n");
        err.reset();
        assertThat(run(Map.of("JIJUKIRWA_HMAC_KEY", "k"), "--input", "x", "--warehouse", "y", "--as-of", "2020-02-30")).isEqualTo(2);
        assertThat(err()).startsWith("ingest: --as-of must be a date yyyy-MM-dd, not '2020-02-30'\n");
        err.reset();
        assertThat(run(Map.of("JIJUKIRWA_HMAC_KEY", "k"), "--input", "x", "--warehouse", "y", "--loud")).isEqualTo(2);
        assertThat(err()).startsWith("ingest: unknown argument '--loud'\n");
    }

    @Test
    void unreadableWarehouseIsAClearError()
            throws Exception
    {
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives/a.csv", IngestFixture.cooperatives("COOP-1,one,Gasabo,tailoring,2019-01-01,"));
        Files.createDirectories(fixture.warehouse().root());
        Files.writeString(fixture.warehouse().root().resolve("CURRENT"), "garbage\n");
        int code = run(Map.of("JIJUKIRWA_HMAC_KEY", "k"), "--input", fixture.input().toString(), "--warehouse", fixture.warehouse().root().toString());
        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("ingest: nothing published: unreadable warehouse: CURRENT in ").hasLineCount(1);
    }

    private int run(Map<String, String> environment, String... args)
    {
        SparkTestSession.get();
        return IngestMain.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }
}
