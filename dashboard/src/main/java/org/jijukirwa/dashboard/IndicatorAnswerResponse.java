package org.jijukirwa.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;

import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/v1/indicators/{id}. A stock answer carries as_of; a flow answer or a time series carries
 * from and to instead, and a time series also its grain.
 */
@Serdeable
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
        List<IndicatorRow> rows)
{
    public IndicatorAnswerResponse
    {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    public static IndicatorAnswerResponse from(IndicatorAnswer answer)
    {
        return new IndicatorAnswerResponse(
                answer.indicator(),
                answer.kind().jsonName(),
                answer.unit().jsonName(),
                answer.by(),
                answer.snapshot(),
                answer.asOf().map(LocalDate::toString).orElse(null),
                answer.from().map(LocalDate::toString).orElse(null),
                answer.to().map(LocalDate::toString).orElse(null),
                answer.grain().map(Grain::parameterValue).orElse(null),
                answer.rows().stream().map(IndicatorRow::from).toList());
    }
}
