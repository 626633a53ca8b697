package org.jijukirwa.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatisticsTest
{
    @Test
    void nearestRankPercentilesOfTwentyValues()
    {
        // 1..20 shuffled: p50 is the 10th smallest, p95 the 19th, p99 the 20th
        List<Double> values = List.of(7.0, 20.0, 1.0, 14.0, 3.0, 18.0, 11.0, 5.0, 16.0, 9.0, 2.0, 19.0, 12.0, 4.0, 17.0, 6.0, 13.0, 8.0, 15.0, 10.0);

        assertThat(Statistics.percentile(values, 50)).isEqualTo(10.0);
        assertThat(Statistics.percentile(values, 95)).isEqualTo(19.0);
        assertThat(Statistics.percentile(values, 99)).isEqualTo(20.0);
        assertThat(Statistics.percentile(values, 100)).isEqualTo(20.0);
        assertThat(Statistics.percentile(values, 5)).isEqualTo(1.0);
    }

    @Test
    void percentilesOfAThousandValuesPickTheirRank()
    {
        List<Double> values = new ArrayList<>();
        for (int value = 1000; value >= 1; value--) {
            values.add(value / 10.0);
        }
        Statistics.Summary summary = Statistics.summarize(values);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void oneValueIsEveryPercentile()
    {
        assertThat(Statistics.summarize(List.of(4.5))).isEqualTo(new Statistics.Summary(1, 4.5, 4.5, 4.5, 4.5));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        assertThat(Statistics.median(List.of(30.0, 10.0, 40.0, 20.0))).isEqualTo(25.0);
        assertThat(Statistics.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void rejectsNoValuesAndPercentilesOutOfRange()
    {
        assertThatThrownBy(() -> Statistics.percentile(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.percentile(List.of(1.0), 0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Statistics.percentile(List.of(1.0), 101)).hasMessageContaining("(0, 100]");
    }
}
