package org.jijukirwa.dashboard.api;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The OpenAPI schema of one row of an answer, which the warehouse's AnswerJsonWriter writes flat: the period and
 * by-columns first, then numerator, denominator, value and suppressed (always false: counts of people are protected by
 * rounding, docs/disclosure.md).
 */
@Schema(description = "One cell, flat: period (time series) and each by-dimension as keys with their values, then numerator, "
        + "denominator, value, and suppressed (always false, kept for older clients: in the public view the counts of people are "
        + "protected by rounding to multiples of k, see docs/disclosure.md).",
        example = "{\"district\": \"Gasabo\", \"numerator\": 12, \"denominator\": 29, \"value\": 0.41379310344827586, \"suppressed\": false}")
public record IndicatorRow(@Schema(hidden = true) Map<String, String> cells, @Nullable Number numerator, @Nullable Number denominator,
        @Nullable Number value, boolean suppressed)
{
}
