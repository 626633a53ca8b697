package org.jijukirwa.dashboard.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * GET and PUT /api/v1/targets: the targets the next ingest run loads (the bundled ones until an admin edits them), the
 * SHA-256 of their targets file, who edited them and when, whether the served snapshot already holds them
 * ({@code applied}), the target names and the districts a target may name. Targets have no period.
 */
@Serdeable
public record TargetsResponse(
        List<Target> targets,
        String source,
        String sha256,
        @JsonProperty("edited_by") @Nullable String editedBy,
        @JsonProperty("edited_at") @Nullable Instant editedAt,
        boolean applied,
        @JsonProperty("served_snapshot") @Nullable String servedSnapshot,
        @JsonProperty("target_names") List<String> targetNames,
        List<District> districts,
        @Nullable String message)
{
    /** A target; district and district_code are null for a programme-wide one. */
    @Serdeable
    public record Target(String target, @Nullable String district, @Nullable @JsonProperty("district_code") String districtCode, long value)
    {
    }

    @Serdeable
    public record District(String district, @JsonProperty("district_code") String districtCode)
    {
    }
}
