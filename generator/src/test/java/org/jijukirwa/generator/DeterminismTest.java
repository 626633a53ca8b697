package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.generator.GeneratedFiles.files;

class DeterminismTest
{
    private static final PresetParameters SMALL = Preset.SAMPLE.parameters().withCooperatives(60);

    @TempDir
    Path folder;

    @Test
    void sameSeedWritesIdenticalBytes()
            throws IOException
    {
        Path first = generate("first", 42);
        Path second = generate("second", 42);

        List<Path> files = files(first);
        assertThat(files).hasSize(13);
        assertThat(files(second)).isEqualTo(files);
        GeneratedFiles.assertSameBytes(files, first, second);
    }

    @Test
    void anotherSeedWritesOtherData()
            throws IOException
    {
        Path first = generate("first", 42);
        Path other = generate("other", 43);

        for (Path file : files(first)) {
            assertThat(Files.readAllBytes(other.resolve(file))).as(file.toString()).isNotEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void regeneratingIntoTheSameFolderReplacesTheEarlierFiles()
            throws IOException
    {
        Path target = folder.resolve("again");
        new FieldDataGenerator(target, 42, "sample", SMALL.withPeriod(SMALL.start(), SMALL.end().plusYears(1))).generate();
        new FieldDataGenerator(target, 42, "sample", SMALL).generate();
        Path fresh = generate("fresh", 42);

        assertThat(files(target)).isEqualTo(files(fresh));
    }

    private Path generate(String name, long seed)
            throws IOException
    {
        Path out = folder.resolve(name);
        new FieldDataGenerator(out, seed, "sample", SMALL).generate();
        return out;
    }
}
