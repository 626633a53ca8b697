package org.jijukirwa.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.suppression.Suppression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One row of an answer, written flat by {@link IndicatorRowSerializer}: the period and by-columns first,
 * then numerator, denominator, value, suppressed, and suppression only on a suppressed cell.
 */
@Serdeable.Serializable(using = IndicatorRowSerializer.class)
@Schema(description = "One cell, flat: period (time series) and each by-dimension as keys with their values, then numerator, "
        + "denominator, value, suppressed, and suppression (small_cell or complementary) on a suppressed cell.",
        example = "{\"district\": \"Gasabo\", \"numerator\": 12, \"denominator\": 29, \"value\": 0.41379310344827586, \"suppressed\": false}")
public record IndicatorRow(@Schema(hidden = true) Map<String, String> cells, @Nullable Number numerator, @Nullable Number denominator,
        @Nullable Number value, boolean suppressed, @Nullable String suppression)
{
    public IndicatorRow
    {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(cells, "cells is null")));
    }

    public static IndicatorRow from(AnswerRow row)
    {
        return new IndicatorRow(row.cells(), row.numerator(), row.denominator(), row.value(), row.suppressed(),
                row.suppression().map(Suppression::jsonName).orElse(null));
    }
}
