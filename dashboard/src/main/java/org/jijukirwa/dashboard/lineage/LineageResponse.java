package org.jijukirwa.dashboard.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The OpenAPI schema of a lineage, which the warehouse's LineageJson writes: the body of GET /api/v1/lineage and the
 * {@code lineage} field of an indicator answer and of the exports (interfaces.md, "Lineage"). {@code indicator} only
 * in an answer's lineage; a file's name only for managers.
 */
@Serdeable
public record LineageResponse(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Indicator indicator,
        Snapshot snapshot,
        List<Run> runs,
        List<InputFile> files,
        @JsonProperty("reference_files") List<ReferenceFile> referenceFiles,
        Protection protection)
{
    @Serdeable
    public record Indicator(String id, String label, String definition, String kind, String unit, @JsonProperty("date_rule") String dateRule,
            String fact, String numerator, @Nullable String denominator)
    {
    }

    @Serdeable
    public record Snapshot(String id, @JsonProperty("as_of") String asOf, @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt)
    {
    }

    /** An ingest run whose files the snapshot holds; its dates are null once retention removed its snapshot. */
    @Serdeable
    public record Run(String run, @JsonProperty("as_of") @Nullable String asOf, @JsonProperty("started_at") @Nullable String startedAt,
            @JsonProperty("finished_at") @Nullable String finishedAt)
    {
    }

    /** An input file: accepted and quarantined are null once retention removed the report of the run that read it. */
    @Serdeable
    public record InputFile(String dataset, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String file,
            @JsonProperty("content_sha256") String contentSha256, String run, @JsonProperty("rows_read") long rowsRead,
            @Nullable Long accepted, @Nullable Long quarantined)
    {
    }

    @Serdeable
    public record ReferenceFile(String name, String sha256)
    {
    }

    @Serdeable
    public record Protection(boolean applied, String rule, int k, boolean suppressed)
    {
    }
}
