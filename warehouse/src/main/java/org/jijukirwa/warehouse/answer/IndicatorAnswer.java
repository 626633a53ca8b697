package org.jijukirwa.warehouse.answer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.lineage.Lineage;

import static java.util.Objects.requireNonNull;

/** One whole answer from one snapshot, with its lineage. Exactly one of asOf (stock, no grain) or from/to (flow, or any time series) is present. */
public record IndicatorAnswer(String indicator, IndicatorKind kind, IndicatorUnit unit, List<String> by,
        String snapshot, Optional<LocalDate> asOf, Optional<LocalDate> from, Optional<LocalDate> to,
        Optional<Grain> grain, List<AnswerRow> rows, Lineage lineage)
{
    public IndicatorAnswer
    {
        requireNonNull(indicator, "indicator is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(unit, "unit is null");
        by = List.copyOf(requireNonNull(by, "by is null"));
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(grain, "grain is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(lineage, "lineage is null");
        if (asOf.isPresent() == (from.isPresent() || to.isPresent())) {
            throw new IllegalArgumentException("exactly one of asOf or from/to must be present");
        }
    }
}
