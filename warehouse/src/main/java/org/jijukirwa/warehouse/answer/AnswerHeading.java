package org.jijukirwa.warehouse.answer;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.lineage.Lineage;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;

import static java.util.Objects.requireNonNull;

/**
 * Everything about one answer except its rows: what was asked (filters as the answer names them),
 * from which snapshot, for whom, whether its person counts are protected (suppressionApplied) with which k, and the
 * columns of its rows in order: "period" when there is a grain, the by-dimensions, then numerator,
 * denominator, value, suppressed, suppression; and the answer's lineage.
 */
public record AnswerHeading(Indicator indicator, List<Dimension> by, Map<Dimension, List<String>> filters, SnapshotInfo snapshot,
        Optional<LocalDate> asOf, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Grain> grain,
        Audience audience, boolean suppressionApplied, int suppressionThreshold, List<AnswerColumn> columns, Lineage lineage)
{
    public AnswerHeading
    {
        requireNonNull(indicator, "indicator is null");
        by = List.copyOf(requireNonNull(by, "by is null"));
        Map<Dimension, List<String>> copy = new LinkedHashMap<>();
        requireNonNull(filters, "filters is null").forEach((dimension, values) -> copy.put(dimension, List.copyOf(values)));
        filters = Collections.unmodifiableMap(copy);
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(grain, "grain is null");
        requireNonNull(audience, "audience is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(lineage, "lineage is null");
    }

    /** The names of the columns that identify a row: "period" (with a grain) and the by-dimensions. */
    public List<String> keyColumns()
    {
        return columns.subList(0, columns.size() - AnswerColumns.MEASURES).stream().map(AnswerColumn::name).toList();
    }

    public IndicatorAnswer answer(List<AnswerRow> rows)
    {
        return new IndicatorAnswer(indicator.id(), indicator.kind(), indicator.unit(), byNames(), snapshot.id(), asOf, from, to, grain, rows, lineage);
    }

    /** The by-dimensions as the answer names them. */
    public List<String> byNames()
    {
        return by.stream().map(Dimension::parameterName).toList();
    }
}
