package org.jijukirwa.bench;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest
{
    @Test
    void tableHeadRightAlignsNumbersAndLeftAlignsTextColumns()
    {
        assertThat(Report.tableHead(Set.of("phase"), "concurrency", "phase", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"))
                .isEqualTo("| concurrency | phase | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---:|---|---:|---:|---:|---:|---:|\n");
        assertThat(Report.tableHead(Set.of("request", "met"), "request", "API cold p50 ms", "API warm p50 ms", "bare p50 ms",
                "warm target (1.2 x bare + 5) ms", "met"))
                .isEqualTo("| request | API cold p50 ms | API warm p50 ms | bare p50 ms | warm target (1.2 x bare + 5) ms | met |\n|---|---:|---:|---:|---:|---|\n");
    }

    @Test
    void tableHeadOfTheIngestSection()
    {
        assertThat(Report.tableHead(Set.of("engine"), "cooperatives", "rows", "MB", "engine", "wall s", "work s", "CPU s", "rows/s (wall)",
                "wall / Spark", "wall / DuckDB", "CPU / Spark", "CPU / DuckDB", "peak RSS MB", "peak heap MB"))
                .isEqualTo("| cooperatives | rows | MB | engine | wall s | work s | CPU s | rows/s (wall) | wall / Spark | wall / DuckDB | CPU / Spark "
                        + "| CPU / DuckDB | peak RSS MB | peak heap MB |\n|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }
}
