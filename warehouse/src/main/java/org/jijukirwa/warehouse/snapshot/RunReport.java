package org.jijukirwa.warehouse.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/** A run report as the ingest wrote it (run-report.json), kept as a JSON tree for the API to pass on. */
public record RunReport(String snapshotId, JsonNode report)
{
    public RunReport
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(report, "report is null");
    }
}
