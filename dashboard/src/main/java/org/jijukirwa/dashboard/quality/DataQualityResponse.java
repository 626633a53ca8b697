package org.jijukirwa.dashboard.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * GET /api/v1/data-quality: per dataset of the served snapshot, the rows accepted (its current records) and the rows
 * rejected and held in the quarantine, and the rejected rows per reason, most frequent first (a row with two reasons
 * counts under both), over the whole snapshot; then, for the period from..to, the same per dataset and district
 * ({@code districts}), with the share rejected and the top reasons. {@code withheld} names the datasets whose district
 * rows this audience does not get (members and trainings count people: managers only). Counts only: no rejected row,
 * no raw text.
 */
@Serdeable
public record DataQualityResponse(String snapshot, @JsonProperty("as_of") String asOf, List<Dataset> datasets, String from, String to,
        List<District> districts, List<String> withheld)
{
    public DataQualityResponse
    {
        requireNonNull(snapshot, "snapshot is null");
        datasets = List.copyOf(datasets);
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        districts = List.copyOf(districts);
        withheld = List.copyOf(withheld);
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

    /**
     * A dataset's rows in one district and the period; district_code, district, province_code and province null for the
     * unknown-district bucket; rejected_share null when there are no rows.
     */
    @Serdeable
    public record District(String dataset, @Nullable @JsonProperty("district_code") String districtCode, @Nullable String district,
            @Nullable @JsonProperty("province_code") String provinceCode, @Nullable String province,
            @JsonProperty("accepted_rows") long acceptedRows, @JsonProperty("rejected_rows") long rejectedRows,
            @Nullable @JsonProperty("rejected_share") Double rejectedShare, List<Reason> reasons)
    {
        public District
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
