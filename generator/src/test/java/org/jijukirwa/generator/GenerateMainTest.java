package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateMainTest
{
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaultsToTheSamplePresetAndTheDefaultSeed()
    {
        GenerateMain.Command command = GenerateMain.Command.parse(new String[] {"--out", "x"});

        assertThat(command.out()).isEqualTo(Path.of("x"));
        assertThat(command.seed()).isEqualTo(2024);
        assertThat(command.preset()).isEqualTo(Preset.SAMPLE);
        assertThat(command.parameters().cooperatives()).isEqualTo(300);
        assertThat(command.parameters().asOf()).isEqualTo(LocalDate.of(2020, 12, 31));
    }

    @Test
    void optionsOverrideThePreset()
    {
        GenerateMain.Command command = GenerateMain.Command.parse(new String[] {
                "--preset", "national", "--out", "x", "--cooperatives", "45", "--seed", "-3", "--end", "2023-06-30"});

        assertThat(command.preset()).isEqualTo(Preset.NATIONAL);
        assertThat(command.seed()).isEqualTo(-3);
        assertThat(command.parameters().cooperatives()).isEqualTo(45);
        assertThat(command.parameters().start()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(command.parameters().end()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(command.parameters().maximumMembers()).isEqualTo(880);
    }

    @Test
    void fieldExportsComeWithTheSamplePresetUnlessAskedOtherwise()
    {
        assertThat(GenerateMain.Command.parse(new String[] {"--out", "x"}).fieldExports()).isTrue();
        assertThat(GenerateMain.Command.parse(new String[] {"--out", "x", "--preset", "national"}).fieldExports()).isFalse();
        assertThat(GenerateMain.Command.parse(new String[] {"--out", "x", "--field-exports", "no"}).fieldExports()).isFalse();
        assertThat(GenerateMain.Command.parse(new String[] {"--out", "x", "--preset", "national", "--field-exports", "yes"}).fieldExports()).isTrue();

        assertThat(run("--out", "x", "--field-exports", "maybe")).isEqualTo(2);
        assertThat(err()).contains("--field-exports needs yes or no, got 'maybe'");
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy()
    {
        assertThat(run("--cooperatives", "10")).isEqualTo(2);
        assertThat(err()).contains("--out DIR is required");

        assertThat(run("--out", "x", "--cooperatives", "10")).isEqualTo(2);
        assertThat(err()).contains("at least 30 cooperatives");

        assertThat(run("--out", "x", "--preset", "regional")).isEqualTo(2);
        assertThat(err()).contains("unknown preset 'regional'");

        assertThat(run("--out", "x", "--start", "2020-02-30")).isEqualTo(2);
        assertThat(err()).contains("--start needs a date");

        assertThat(run("--out", "x", "--end", "2018-03-01")).isEqualTo(2);
        assertThat(err()).contains("at least 180 days");

        assertThat(run("--out")).isEqualTo(2);
        assertThat(err()).contains("missing value after --out");
    }

    @Test
    void generatesAndPrintsCountsButNoPersonalData()
            throws IOException
    {
        Path target = folder.resolve("data");

        assertThat(run("--out", target.toString(), "--cooperatives", "30", "--seed", "1")).isZero();

        assertThat(out()).contains("generated " + target, "cooperatives", "members", "ingest with --as-of 2020-12-31");
        String counts = out().substring(out().indexOf('\n'));
        assertThat(counts).doesNotContainPattern("\\d{16}").doesNotContain("+2507").doesNotContain("MBR-");
        assertThat(Files.exists(target.resolve("MANIFEST.json"))).isTrue();
        assertThat(Files.exists(target.resolve("members/members_2020.csv"))).isTrue();
    }

    @Test
    void refusesToMixWithFilesItDidNotWrite()
            throws IOException
    {
        Path target = folder.resolve("data");
        Files.createDirectories(target.resolve("members"));
        Files.writeString(target.resolve("members/field-export.csv"), "member_id\n");

        assertThat(run("--out", target.toString(), "--cooperatives", "30")).isEqualTo(1);
        assertThat(err()).contains("field-export.csv");
        assertThat(Files.exists(target.resolve("members/field-export.csv"))).isTrue();
    }

    private int run(String... arguments)
    {
        out.reset();
        err.reset();
        return GenerateMain.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
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
