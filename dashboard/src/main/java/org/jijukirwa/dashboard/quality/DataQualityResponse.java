package org.jijukirwa.dashboard.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * GET /api/v1/data-quality: per dataset of the served snapshot, the rows accepted (its current records) and the rows
 * rejected and held in the quarantine, and the rejected rows per reason, most frequent first (a row with two reasons
 * counts under both). Counts only: no rejected row, no raw text.
 */
@Serdeable
public record DataQualityResponse(String snapshot, @JsonProperty("as_of") String asOf, List<Dataset> datasets)
{
    public DataQualityResponse
    {
        requireNonNull(snapshot, "snapshot is null");
        datasets = List.copyOf(datasets);
    }

    @Serdeable
    public record Dataset(String dataset, @JsonProperty("accepted_rows") long acceptedRows, @JsonProperty("rejected_rows") long rejectedRows,
            List<Reason> reasons)
    {
        public Dataset
        {
            requireNonNull(dataset, "dataset is null");
            reasons = List.copyOf(reasons);
        }
    }

    @Serdeable
    public record Reason(String reason, long rows)
    {
    }
}
