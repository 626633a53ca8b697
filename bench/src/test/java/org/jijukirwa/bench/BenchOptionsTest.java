package org.jijukirwa.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest
{
    @Test
    void defaultsAreTheTwoSizesOfTheIssue()
    {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.sizes()).containsExactly(1000, 10000);
        assertThat(options.out()).isEqualTo(Path.of("bench/target/bench-results"));
        assertThat(options.repeats()).isEqualTo(3);
        assertThat(options.seed()).isEqualTo(2024);
        assertThat(options.requests()).isEqualTo(320);
        assertThat(options.ingest()).isTrue();
        assertThat(options.queries()).isTrue();
        assertThat(options.scaling()).isFalse();
        assertThat(options.smallRun()).isFalse();
        assertThat(options.largestSize()).isEqualTo(10000);
    }

    @Test
    void readsEveryOption()
    {
        BenchOptions options = BenchOptions.parse(new String[] {"--sizes", "300, 60", "--out", "/tmp/b", "--repeats", "1", "--seed", "7",
                "--requests", "64", "--skip-queries", "--scaling", "--small-run"});

        assertThat(options.sizes()).containsExactly(300, 60);
        assertThat(options.out()).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.repeats()).isEqualTo(1);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.requests()).isEqualTo(64);
        assertThat(options.queries()).isFalse();
        assertThat(options.ingest()).isTrue();
        assertThat(options.scaling()).isTrue();
        assertThat(options.smallRun()).isTrue();
        assertThat(options.largestSize()).isEqualTo(300);
    }

    @Test
    void rejectsWhatCannotBeRun()
    {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sizes", "1000,abc"})).hasMessage("--sizes must be a number, not 'abc'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sizes", "29"})).hasMessageContaining("at least 30 cooperatives");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sizes", "100,100"})).hasMessageContaining("100 is given twice");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--repeats", "0"})).hasMessage("--repeats must be a positive number, not '0'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--requests", "31"})).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--out"})).hasMessage("--out needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--size", "10"})).hasMessage("unknown argument '--size'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"extra"})).hasMessage("unknown argument 'extra'");
        assertThat(List.of(BenchOptions.USAGE.split("\n"))).first().asString().startsWith("usage: bench");
    }
}
