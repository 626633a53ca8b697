package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator streams: 2 000 cooperatives (about 55 000 members, 13 MB of
 * files) are generated in a JVM whose whole heap is 8 MB, far less than the
 * members alone would take as Java objects.
 */
class MemoryBoundTest
{
    private static final long HEAP_BYTES = 8L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void twoThousandCooperativesFitInAnEightMegabyteHeap()
            throws IOException, InterruptedException
    {
        Path out = folder.resolve("large");
        Path classes = Path.of(GenerateMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path log = folder.resolve("generate.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_BYTES / 1024 / 1024 + "m", "-cp", classes.toString(), GenerateMain.class.getName(),
                "--out", out.toString(), "--cooperatives", "2000", "--seed", "5")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(process.waitFor()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        long members = lines(out.resolve("members"));
        assertThat(members).isGreaterThan(50_000);
        assertThat(bytes(out)).isGreaterThan(HEAP_BYTES);
    }

    private static long lines(Path folder)
            throws IOException
    {
        long lines = 0;
        for (Path file : list(folder)) {
            try (Stream<String> fileLines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines += fileLines.count();
            }
        }
        return lines;
    }

    private static long bytes(Path root)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static List<Path> list(Path folder)
            throws IOException
    {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted().toList();
        }
    }
}
