package org.jijukirwa.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The files of a generated tree, compared with another tree's. */
final class GeneratedFiles
{
    private GeneratedFiles()
    {
    }

    /** Every regular file below {@code root}, relative to it, sorted. */
    static List<Path> files(Path root)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Each of {@code files} has the same bytes below {@code actual} as below {@code expected}. */
    static void assertSameBytes(List<Path> files, Path expected, Path actual)
            throws IOException
    {
        for (Path file : files) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }
}
