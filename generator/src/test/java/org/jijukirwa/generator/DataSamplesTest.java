package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled data-samples/ is exactly what its README's command writes, so it cannot drift from the generator. */
class DataSamplesTest
{
    private static final Path DATA_SAMPLES = Path.of("../data-samples");

    @TempDir
    Path folder;

    @Test
    void bundledSampleIsWhatTheDocumentedCommandWrites()
            throws IOException
    {
        String readme = Files.readString(DATA_SAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("./jijukirwa generate --out data-samples --preset sample --seed 2024", "--as-of 2020-12-31");

        Path regenerated = folder.resolve("data-samples");
        assertThat(GenerateMain.run(new String[] {"--out", regenerated.toString(), "--preset", "sample", "--seed", "2024"},
                new PrintStream(OutputStream.nullOutputStream()), System.err)).isZero();

        List<Path> files = files(regenerated);
        assertThat(files(DATA_SAMPLES)).containsExactlyElementsOf(files);
        GeneratedFiles.assertSameBytes(files, regenerated, DATA_SAMPLES);
    }

    @Test
    void bundledSampleQuarantinesTheRowsItsReadmeLists()
            throws IOException
    {
        ContractChecker.Report report = new ContractChecker(GeneratedDataSet.REFERENCE, LocalDate.of(2020, 12, 31)).check(DATA_SAMPLES);

        Map<String, Long> badRows = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        for (ContractChecker.Row row : report.rows()) {
            rows.merge(row.dataset(), 1L, Long::sum);
            badRows.merge(row.dataset(), row.isValid() ? 0L : 1L, Long::sum);
            assertThat(row.reasons()).hasSizeLessThanOrEqualTo(1);
        }

        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of("cooperatives", 1122L, "members", 8031L, "trainings", 3482L, "coaching", 1102L));
        assertThat(badRows).containsExactlyInAnyOrderEntriesOf(Map.of("cooperatives", 31L, "members", 31L, "trainings", 19L, "coaching", 9L));
    }

    @Test
    void bundledSampleStaysSmall()
            throws IOException
    {
        long bytes = 0;
        for (Path file : files(DATA_SAMPLES)) {
            bytes += Files.size(DATA_SAMPLES.resolve(file));
        }

        assertThat(bytes).isLessThan(2_000_000);
    }

    // The generated files only: README.md is written by hand.
    private static List<Path> files(Path root)
            throws IOException
    {
        return GeneratedFiles.files(root).stream().filter(path -> !path.toString().equals("README.md")).toList();
    }
}
