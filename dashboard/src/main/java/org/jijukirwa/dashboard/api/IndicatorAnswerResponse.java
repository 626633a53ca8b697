package org.jijukirwa.dashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;

import org.jijukirwa.dashboard.lineage.LineageResponse;

import java.util.List;

/**
 * The OpenAPI schema of GET /api/v1/indicators/{id}, which the warehouse's AnswerJsonWriter writes. A stock answer
 * carries as_of; a flow answer or a time series carries from and to instead, and a time series also its grain. Every answer
 * carries its lineage (interfaces.md, "Lineage").
 */
public record IndicatorAnswerResponse(
        String indicator,
        String kind,
        String unit,
        List<String> by,
        String snapshot,
        @JsonProperty("as_of") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String asOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String from,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String to,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String grain,
        LineageResponse lineage,
        List<IndicatorRow> rows)
{
}
