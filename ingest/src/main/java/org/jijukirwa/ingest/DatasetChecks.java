package org.jijukirwa.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run says before it publishes: warnings, and the dataset losses it refuses unless told to.
 * <p>
 * A snapshot carries the previous snapshot's rows forward, so a dataset missing from the input keeps its rows: that
 * earns a warning, not a refusal. A run loses a dataset when the new snapshot would hold fewer of its rows than the
 * current one, or when the run read rows of a dataset and would publish none of them because the cooperatives they
 * name are in neither the input nor the warehouse (a members folder given alone to a new warehouse).
 */
final class DatasetChecks
{
    /** Above this share of a dataset's rows read, quarantined rows earn a warning. */
    static final double QUARANTINED_SHARE = 0.5;
    static final String ALLOW_FLAG = "--allow-dataset-loss";

    private DatasetChecks()
    {
    }

    /**
     * {@code previousRows}: rows per record set in the snapshot the run started from (0 without one);
     * {@code inInput}: the record sets with at least one file in the input (read or already ingested).
     */
    static List<String> warnings(RunReport report, Map<RecordSet, Long> previousRows, Set<RecordSet> inInput)
    {
        List<String> warnings = new ArrayList<>();
        for (RecordSet recordSet : RecordSet.values()) {
            RunReport.DatasetReport dataset = report.datasets().get(recordSet.datasetName());
            if (dataset.rowsRead() > 0 && dataset.quarantinedRows() > QUARANTINED_SHARE * dataset.rowsRead()) {
                warnings.add(String.format("%s: %d of the %d rows read were quarantined (%s)", recordSet.datasetName(), dataset.quarantinedRows(),
                        dataset.rowsRead(), topReasons(dataset.byReason())));
            }
            long before = previousRows.getOrDefault(recordSet, 0L);
            if (before > 0 && !inInput.contains(recordSet)) {
                warnings.add(String.format("%s: no file in the input; the %d rows of snapshot %s are carried forward", recordSet.datasetName(), before,
                        report.previousSnapshot().orElse("?")));
            }
        }
        return warnings;
    }

    /** The datasets the run would lose, each as a sentence; empty when it may publish. */
    static List<String> losses(RunReport report, Map<RecordSet, Long> previousRows, Set<RecordSet> inInput)
    {
        List<String> losses = new ArrayList<>();
        boolean noCooperatives = !inInput.contains(RecordSet.COOPERATIVES) && previousRows.getOrDefault(RecordSet.COOPERATIVES, 0L) == 0;
        for (RecordSet recordSet : RecordSet.values()) {
            RunReport.DatasetReport dataset = report.datasets().get(recordSet.datasetName());
            long before = previousRows.getOrDefault(recordSet, 0L);
            if (dataset.currentKeys() < before) {
                losses.add(String.format("%s would hold %d rows, %d fewer than snapshot %s", recordSet.datasetName(), dataset.currentKeys(),
                        before - dataset.currentKeys(), report.previousSnapshot().orElse("?")));
            }
            else if (recordSet != RecordSet.COOPERATIVES && noCooperatives && dataset.rowsRead() > 0 && dataset.currentKeys() == 0) {
                losses.add(String.format("none of the %d %s rows read would be published: the cooperatives they name are in neither the input nor the warehouse "
                        + "(is the input folder the one that holds the cooperatives files too?)", dataset.rowsRead(), recordSet.datasetName()));
            }
        }
        return losses;
    }

    /** The refusal's one line. */
    static String refusal(List<String> losses)
    {
        return "the run would lose a dataset: " + String.join("; ", losses) + ". Give " + ALLOW_FLAG + " to publish anyway";
    }

    private static String topReasons(Map<String, Long> byReason)
    {
        return byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
