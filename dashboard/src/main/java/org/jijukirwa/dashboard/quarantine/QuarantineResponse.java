package org.jijukirwa.dashboard.quarantine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.warehouse.quarantine.QuarantinePage;

import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/quarantine: a page of the rejected rows with their raw text (personal data: admins only), and
 * over every row that matches the filters their total and their count by dataset, source file and reason.
 */
@Serdeable
public record QuarantineResponse(
        String snapshot,
        @Nullable String dataset,
        @Nullable String file,
        @Nullable String reason,
        int limit,
        int offset,
        long total,
        List<Count> counts,
        List<Row> rows)
{
    public static QuarantineResponse from(QuarantinePage page)
    {
        return new QuarantineResponse(
                page.snapshot(),
                page.query().dataset().orElse(null),
                page.query().file().orElse(null),
                page.query().reason().orElse(null),
                page.query().limit(),
                page.query().offset(),
                page.total(),
                page.counts().stream().map(count -> new Count(count.dataset(), count.sourceFile(), count.reason(), count.rows())).toList(),
                page.rows().stream().map(row -> new Row(row.dataset(), row.sourceFile(), row.sourceLine(), row.reasons(), row.rawText(), row.rawValues(), row.resolved()))
                        .toList());
    }

    /** Matching rows of a dataset's source file with a reason; a row with two reasons counts under both. */
    @Serdeable
    public record Count(String dataset, @JsonProperty("source_file") String sourceFile, String reason, long rows)
    {
    }

    /**
     * A rejected row: the file and line the ingest read it from, its reasons, raw text and raw values by contract column;
     * resolved when a later run accepted a version of its key (the corrected row).
     */
    @Serdeable
    public record Row(
            String dataset,
            @JsonProperty("source_file") String sourceFile,
            @JsonProperty("source_line") long sourceLine,
            List<String> reasons,
            @JsonProperty("raw_text") String rawText,
            @JsonProperty("raw_values") Map<String, String> rawValues,
            boolean resolved)
    {
    }
}
