package org.jijukirwa.dashboard.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.warehouse.snapshot.RunReport;

import java.util.ArrayList;
import java.util.List;

/**
 * GET /api/v1/report-sources: the ingest runs behind the served data, for the report's last page: per run its files and their
 * counts, for a manager; {@code runs} null for anyone else. Unlike GET /api/v1/runs it never refuses, so that the page
 * can ask without making a visitor's browser ask for a password.
 */
@Serdeable
public record ReportSources(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<Run> runs)
{
    static ReportSources of(List<RunReport> reports)
    {
        return new ReportSources(reports.stream().map(ReportSources::run).toList());
    }

    static ReportSources hidden()
    {
        return new ReportSources(null);
    }

    private static Run run(RunReport report)
    {
        List<File> files = new ArrayList<>();
        report.report().path("datasets").fields().forEachRemaining(dataset -> dataset.getValue().path("files").fields()
                .forEachRemaining(file -> files.add(new File(dataset.getKey(), file.getKey(), count(file.getValue(), "rows_read"),
                        count(file.getValue(), "valid_rows"), count(file.getValue(), "quarantined")))));
        return new Run(report.snapshotId(), report.report().path("as_of").asText(null), files);
    }

    private static long count(JsonNode node, String field)
    {
        return node.path(field).asLong(0);
    }

    @Serdeable
    public record Run(String snapshot, @JsonProperty("as_of") @Nullable String asOf, List<File> files)
    {
    }

    @Serdeable
    public record File(String dataset, String file, @JsonProperty("rows_read") long rowsRead, @JsonProperty("valid_rows") long validRows,
            long quarantined)
    {
    }
}
