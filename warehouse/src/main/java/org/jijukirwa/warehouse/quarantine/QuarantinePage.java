package org.jijukirwa.warehouse.quarantine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One page of the served snapshot's quarantine: the rows the ingest rejected, with their raw text. Holds
 * personal data: for the admin role only, never for the public view or an export. {@code total} and
 * {@code counts} cover every row that matches the query, not only this page.
 */
public record QuarantinePage(String snapshot, QuarantineQuery query, long total, List<Count> counts, List<QuarantinedRow> rows)
{
    public QuarantinePage
    {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(query, "query is null");
        counts = List.copyOf(requireNonNull(counts, "counts is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /** How many matching rows a dataset's source file has with a reason (a row with two reasons counts under both). */
    public record Count(String dataset, String sourceFile, String reason, long rows)
    {
        public Count
        {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(sourceFile, "sourceFile is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** A rejected row: where it stood, why it was rejected, its raw text and its raw values by contract column (a value may be null). */
    public record QuarantinedRow(String dataset, String sourceFile, long sourceLine, List<String> reasons, String rawText, Map<String, String> rawValues,
                                 boolean resolved)
    {
        public QuarantinedRow
        {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(sourceFile, "sourceFile is null");
            reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
            requireNonNull(rawText, "rawText is null");
            // a raw value may be missing (null): no Map.copyOf
            rawValues = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rawValues, "rawValues is null")));
        }
    }
}
