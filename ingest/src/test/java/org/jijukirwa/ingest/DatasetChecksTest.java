package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetChecksTest
{
    @Test
    void fewerRowsThanTheCurrentSnapshotIsALoss()
    {
        RunReport report = report(Map.of("cooperatives", dataset(0, 0, 300), "members", dataset(0, 0, 6_000)));
        Map<RecordSet, Long> before = Map.of(RecordSet.COOPERATIVES, 300L, RecordSet.MEMBERS, 6_909L);

        assertThat(DatasetChecks.losses(report, before, EnumSet.of(RecordSet.COOPERATIVES, RecordSet.MEMBERS)))
                .containsExactly("members would hold 6000 rows, 909 fewer than snapshot S0");
        assertThat(DatasetChecks.losses(report(Map.of("cooperatives", dataset(0, 0, 300), "members", dataset(0, 0, 6_909))), before, EnumSet.allOf(RecordSet.class)))
                .isEmpty();
    }

    @Test
    void rowsThatNameNoKnownCooperativeAreALossOnlyWhenNoCooperativeIsAnywhere()
    {
        RunReport report = report(Map.of("members", dataset(8_031, 8_031, 0)));
        assertThat(DatasetChecks.losses(report, Map.of(), EnumSet.of(RecordSet.MEMBERS))).hasSize(1);
        // cooperatives in the input (all quarantined, say): the members are not lost for want of a cooperatives file
        assertThat(DatasetChecks.losses(report, Map.of(), EnumSet.of(RecordSet.MEMBERS, RecordSet.COOPERATIVES))).isEmpty();
        // cooperatives in the warehouse
        RunReport withCooperatives = report(Map.of("members", dataset(8_031, 8_031, 0), "cooperatives", dataset(0, 0, 1)));
        assertThat(DatasetChecks.losses(withCooperatives, Map.of(RecordSet.COOPERATIVES, 1L), EnumSet.of(RecordSet.MEMBERS))).isEmpty();
    }

    @Test
    void warnsAboveHalfQuarantinedAndAboutADatasetMissingFromTheInput()
    {
        RunReport report = report(Map.of("cooperatives", dataset(10, 5, 5), "members", dataset(10, 6, 4), "trainings", dataset(0, 0, 0)));
        assertThat(DatasetChecks.warnings(report, Map.of(RecordSet.TRAININGS, 12L, RecordSet.COACHING, 0L), EnumSet.of(RecordSet.COOPERATIVES, RecordSet.MEMBERS)))
                .containsExactly("members: 6 of the 10 rows read were quarantined (invalid_value:sex 6)",
                        "trainings: no file in the input; the 12 rows of snapshot S0 are carried forward");
    }

    private static RunReport.DatasetReport dataset(long read, long quarantined, long currentKeys)
    {
        SortedMap<String, Long> reasons = new TreeMap<>();
        if (quarantined > 0) {
            reasons.put("invalid_value:sex", quarantined);
        }
        return new RunReport.DatasetReport(read, read - quarantined, 0, quarantined, 0, reasons, currentKeys, 0, List.of(), new TreeMap<>());
    }

    private static RunReport report(Map<String, RunReport.DatasetReport> given)
    {
        SortedMap<String, RunReport.DatasetReport> datasets = new TreeMap<>();
        for (RecordSet recordSet : RecordSet.values()) {
            datasets.put(recordSet.datasetName(), given.getOrDefault(recordSet.datasetName(), dataset(0, 0, 0)));
        }
        return new RunReport("S1", LocalDate.of(2020, 6, 30), Instant.EPOCH, Instant.EPOCH, "/input", Optional.of("S0"), datasets, List.of(), List.of(), true);
    }
}
